import { currentUser, requireSignedIn } from "@/lib/db/auth/current-user";
import { createApiToken, listApiTokens } from "@/lib/db/api-tokens/api-tokens";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/db/errors";
import { readJson } from "@/lib/http/read-json";
import { apiErrorResponse } from "@/lib/api/responses";
import { CreateApiTokenSchema } from "@/lib/api/schemas";

export const dynamic = "force-dynamic";

/** The signed-in user's API tokens (never the tokens themselves). */
export async function GET(request: Request) {
  try {
    const user = await requireSignedIn(request.headers);
    return Response.json({ tokens: await listApiTokens(db(), user.id) });
  } catch (error) {
    return apiErrorResponse(error);
  }
}

/**
 * POST `{ name, expiresInDays?, scope? }`: a new token for the signed-in user, shown once in the answer (201). Only a
 * browser session may create tokens, so that a leaked token cannot make more.
 */
export async function POST(request: Request) {
  try {
    if (request.headers.has("authorization")) throw new DomainError("forbidden", "Tokens are created from a signed-in session (/account/tokens), not with another token.");
    const signedIn = await currentUser(request.headers);
    if (!signedIn) throw new DomainError("unauthorized", "Sign in first.");
    const input = await readJson(request, CreateApiTokenSchema);
    return Response.json(await createApiToken(db(), signedIn.id, input), { status: 201 });
  } catch (error) {
    return apiErrorResponse(error);
  }
}
