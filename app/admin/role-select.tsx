"use client";

import { useState } from "react";
import { ROLES, type Role } from "@/lib/auth/roles";
import { adminRequest } from "./admin-api";

/** A user's role, saved as soon as it is changed; a refused change goes back and says why. */
export function RoleSelect({ userId, name, initial }: { userId: string; name: string; initial: Role }) {
  const [role, setRole] = useState(initial);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  return (
    <span className="role-select">
      <label className="visually-hidden" htmlFor={`role-${userId}`}>
        Role of {name}
      </label>
      <select
        id={`role-${userId}`}
        value={role}
        onChange={async (event) => {
          const next = event.target.value as Role;
          const previous = role;
          setRole(next);
          const result = await adminRequest("PATCH", `/api/admin/users/${encodeURIComponent(userId)}`, { role: next });
          if (result.ok) setMessage({ text: "Saved.", error: false });
          else {
            setRole(previous);
            setMessage({ text: result.message, error: true });
          }
        }}
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>{" "}
      {message ? (
        <span role={message.error ? "alert" : "status"} className={message.error ? "error" : "lede"}>
          {message.text}
        </span>
      ) : null}
    </span>
  );
}
