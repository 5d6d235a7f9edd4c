/**
 * A page that fails because the database is unreachable or too busy (lib/db/unavailable.ts) reaches the error page
 * with this digest, which Next.js keeps as given (it replaces an error's message in production, not its digest), so
 * error.tsx can say what happened and that trying again will do.
 */
export const DATABASE_TROUBLE_DIGEST = "hexapla-database-unavailable";
