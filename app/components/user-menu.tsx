import Link from "next/link";
import { headers } from "next/headers";
import { currentUser } from "@/lib/db/auth/current-user";
import { SignOutButton } from "./sign-out-button";

export async function UserMenu() {
  const user = await currentUser(await headers());
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
