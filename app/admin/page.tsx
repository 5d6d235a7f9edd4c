import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { hasRole } from "@/lib/auth/roles";
import { currentUser } from "@/lib/db/auth/current-user";
import { db } from "@/lib/db/client";
import { isReadingPublic } from "@/lib/db/settings";
import { listUsers } from "@/lib/db/users/list-users";
import { AccountActions } from "./account-actions";
import { CreateUserForm } from "./create-user-form";
import { ReadingToggle } from "./reading-toggle";
import { RoleSelect } from "./role-select";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Administration" };

/** Accounts and instance settings, for admins. */
export default async function AdminPage() {
  const user = await currentUser(await headers());
  if (!user) redirect("/sign-in?next=/admin");
  if (!hasRole(user.role, "admin")) {
    return (
      <>
        <h1>Administration</h1>
        <p role="alert">This page is for admins; you are signed in as {user.role}.</p>
      </>
    );
  }
  const [users, readingPublic] = await Promise.all([listUsers(db()), isReadingPublic()]);
  return (
    <>
      <h1>Administration</h1>
      <section aria-labelledby="reading">
        <h2 id="reading">Reading</h2>
        <ReadingToggle initial={readingPublic} />
      </section>
      <section aria-labelledby="users">
        <h2 id="users">Accounts</h2>
        <p className="lede">
          Scholars record variants; editors also align, correct text and import; admins also manage accounts and works. A new role applies
          from the user&apos;s next request. Disabling an account signs its user out at once and stops their API tokens until it is enabled again.
        </p>
        <table className="editions users">
          <caption className="visually-hidden">Accounts</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Since</th>
              <th scope="col">Sessions</th>
              <th scope="col">API tokens</th>
              <th scope="col">Access</th>
            </tr>
          </thead>
          <tbody>
            {users.map((account) => (
              <tr key={account.id} data-email={account.email} data-disabled={account.disabledAt ? "true" : undefined}>
                <td>
                  {account.name}
                  {account.disabledAt ? (
                    <>
                      {" "}
                      <span className="badge">disabled since {account.disabledAt.slice(0, 10)}</span>
                    </>
                  ) : null}
                </td>
                <td>{account.email}</td>
                <td>
                  <RoleSelect userId={account.id} name={account.name} initial={account.role} />
                </td>
                <td>{account.createdAt.slice(0, 10)}</td>
                <td>{account.sessions}</td>
                <td>
                  {account.tokens.length === 0 ? (
                    "none"
                  ) : (
                    <ul className="tokens">
                      {account.tokens.map((token) => (
                        <li key={token.id}>
                          {token.name} ({token.scope}) · last used {token.lastUsedAt ? `${token.lastUsedAt.slice(0, 16).replace("T", " ")} UTC` : "never"} · expires{" "}
                          {token.expiresAt.slice(0, 10)}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>
                  <AccountActions userId={account.id} name={account.name} disabled={account.disabledAt !== null} isSelf={account.id === user.id} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3>New account</h3>
        <CreateUserForm />
      </section>
    </>
  );
}
