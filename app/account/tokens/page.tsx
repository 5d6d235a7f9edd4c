import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/db/auth/current-user";
import { listApiTokens } from "@/lib/db/api-tokens/api-tokens";
import { db } from "@/lib/db/client";
import { readEnv } from "@/lib/env";
import { TokenManager } from "./token-manager";

export const metadata: Metadata = { title: "API tokens" };
export const dynamic = "force-dynamic";

export default async function TokensPage() {
  const user = await currentUser(await headers());
  if (!user) redirect("/sign-in?next=/account/tokens");
  return (
    <>
      <h1>API tokens</h1>
      <p className="lede">
        A token lets a script use the <a href="/api/openapi.json">HTTP API</a> as you, with your role ({user.role}) or less: send it as{" "}
        <code>Authorization: Bearer &lt;token&gt;</code>. The token is shown once, when you create it; Hexapla keeps only a hash of it. Every token expires;
        a read-only token cannot change anything, and only a token with the admin scope can manage users and settings. Revoke a token as soon as it is no
        longer needed.
      </p>
      <TokenManager initial={await listApiTokens(db(), user.id)} isAdmin={user.role === "admin"} defaultDays={readEnv().HEXAPLA_TOKEN_DAYS} />
    </>
  );
}
