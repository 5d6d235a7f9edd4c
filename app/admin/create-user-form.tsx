"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ROLES } from "@/lib/auth/roles";
import { adminRequest } from "./admin-api";

/** Creates an account; the password is set here and given to the person by other means. */
export function CreateUserForm() {
  const router = useRouter();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <form
      className="form"
      onSubmit={async (event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const data = Object.fromEntries(new FormData(form));
        setPending(true);
        const result = await adminRequest("POST", "/api/admin/users", data);
        setPending(false);
        if (result.ok) {
          setMessage({ text: `Created the account of ${String(data.email)}.`, error: false });
          form.reset();
          router.refresh();
        } else setMessage({ text: result.message, error: true });
      }}
    >
      <label htmlFor="new-name">Name</label>
      <input id="new-name" name="name" required autoComplete="off" />
      <label htmlFor="new-email">Email</label>
      <input id="new-email" name="email" type="email" required autoComplete="off" />
      <label htmlFor="new-role">Role</label>
      <select id="new-role" name="role" defaultValue="scholar">
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {role}
          </option>
        ))}
      </select>
      <label htmlFor="new-password">Password (at least 10 characters)</label>
      <input id="new-password" name="password" type="password" minLength={10} required autoComplete="new-password" />
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Creating…" : "Create the account"}
      </button>
      {message ? (
        <p role={message.error ? "alert" : "status"} className={message.error ? "error" : "lede"}>
          {message.text}
        </p>
      ) : null}
    </form>
  );
}
