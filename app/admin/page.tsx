import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { hasRole } from "@/lib/auth/roles";
import { currentUser } from "@/lib/db/auth/current-user";
import { db } from "@/lib/db/client";
import { isReadingPublic } from "@/lib/db/settings";
import { listUsers } from "@/lib/db/users/list-users";
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
          from the user&apos;s next request.
        </p>
        <table className="editions users">
          <caption className="visually-hidden">Accounts</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Since</th>
            </tr>
          </thead>
          <tbody>
            {users.map((account) => (
              <tr key={account.id} data-email={account.email}>
                <td>{account.name}</td>
                <td>{account.email}</td>
                <td>
                  <RoleSelect userId={account.id} name={account.name} initial={account.role} />
                </td>
                <td>{account.createdAt.slice(0, 10)}</td>
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
