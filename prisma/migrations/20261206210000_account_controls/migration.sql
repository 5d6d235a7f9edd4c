-- Accounts can be shut off, tokens are scoped and always expire, sign-ins are limited per account, and open
-- live-update streams hear at once when someone's access changes.

-- A disabled user cannot sign in; their sessions are deleted and their API tokens refused while disabled.
ALTER TABLE "user" ADD COLUMN "disabled_at" TIMESTAMPTZ(3);

-- What an API token may do: read (reads only), write (what its user's role allows, except managing users and
-- settings), admin (everything its user's role allows). Tokens made before this migration keep acting as
-- write tokens, so an admin's old token no longer manages users; every token now expires.
CREATE TYPE "token_scope" AS ENUM ('read', 'write', 'admin');
ALTER TABLE "api_token" ADD COLUMN "scope" "token_scope" NOT NULL DEFAULT 'write';
UPDATE "api_token" SET "expires_at" = now() + interval '90 days' WHERE "expires_at" IS NULL;
ALTER TABLE "api_token" ALTER COLUMN "expires_at" SET DEFAULT now() + interval '90 days';
ALTER TABLE "api_token" ALTER COLUMN "expires_at" SET NOT NULL;

-- Failed sign-ins of one account (the lower-cased email, whether or not such an account exists), for the
-- per-account limit with back-off (lib/db/auth/sign-in-throttle.ts).
CREATE TABLE "sign_in_throttle" (
  "key" TEXT NOT NULL,
  "failures" INTEGER NOT NULL,
  "locked_until" TIMESTAMPTZ(3),
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  CONSTRAINT "sign_in_throttle_pkey" PRIMARY KEY ("key")
);
CREATE INDEX "sign_in_throttle_updated_at_idx" ON "sign_in_throttle" ("updated_at");

-- Whatever can take away someone's access (the reading setting, a signed-out or revoked session, a revoked
-- token, a disabled or re-roled user) notifies `hexapla_access`; open live-update streams re-check their reader.
CREATE FUNCTION hexapla_notify_access() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('hexapla_access', TG_TABLE_NAME);
  RETURN NULL;
END $$;
CREATE TRIGGER "app_setting_access" AFTER INSERT OR UPDATE OR DELETE ON "app_setting"
  FOR EACH STATEMENT EXECUTE FUNCTION hexapla_notify_access();
CREATE TRIGGER "session_access" AFTER DELETE ON "session"
  FOR EACH STATEMENT EXECUTE FUNCTION hexapla_notify_access();
CREATE TRIGGER "user_access" AFTER UPDATE OF "role", "disabled_at" OR DELETE ON "user"
  FOR EACH STATEMENT EXECUTE FUNCTION hexapla_notify_access();
CREATE TRIGGER "api_token_access" AFTER UPDATE OF "scope", "expires_at" OR DELETE ON "api_token"
  FOR EACH STATEMENT EXECUTE FUNCTION hexapla_notify_access();
