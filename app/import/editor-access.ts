/** The import pages are for editors: others are sent to sign in, or told which role they need. */
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { hasRole, type SessionUser } from "@/lib/auth/roles";
import { currentUser } from "@/lib/db/auth/current-user";

export async function editorOrRedirect(here: string): Promise<{ user: SessionUser; allowed: boolean }> {
  const user = await currentUser(await headers());
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(here)}`);
  return { user, allowed: hasRole(user.role, "editor") };
}
