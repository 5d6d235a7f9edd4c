import Link from "next/link";
import { headers } from "next/headers";
import { currentUser } from "@/lib/db/auth/current-user";
import { databaseTrouble } from "@/lib/db/unavailable";
import { SignOutButton } from "./sign-out-button";

export async function UserMenu() {
  /* Without the database the page itself says so (error.tsx); the menu, drawn around every page, just stays empty. */
  const user = await currentUser(await headers()).catch((error: unknown) => {
    if (databaseTrouble(error)) return undefined;
    throw error;
  });
  if (user === undefined) return <span className="user-menu" />;
  if (!user) {
    return (
      <Link href="/sign-in" className="user-menu">
        Sign in
      </Link>
    );
  }
  return (
    <span className="user-menu">
      <span>
        {user.name} <span className="badge">{user.role}</span>
      </span>
      {user.role === "admin" ? <Link href="/admin">Admin</Link> : null}
      <Link href="/account/tokens">API tokens</Link>
      <SignOutButton />
    </span>
  );
}
