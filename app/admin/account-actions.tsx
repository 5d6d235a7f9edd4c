"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { adminRequest } from "./admin-api";

/**
 * Shutting an account off: disable it (signed out at once, tokens refused, no sign-in) or enable it again; sign the
 * user out everywhere; revoke all their API tokens. The page reloads its figures after each action.
 */
export function AccountActions({ userId, name, disabled, isSelf }: { userId: string; name: string; disabled: boolean; isSelf: boolean }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [pending, setPending] = useState(false);
  const url = `/api/admin/users/${encodeURIComponent(userId)}`;

  async function act(run: () => ReturnType<typeof adminRequest>, done: string) {
    setPending(true);
    const result = await run();
    setPending(false);
    setMessage(result.ok ? { text: done, error: false } : { text: result.message, error: true });
    if (result.ok) router.refresh();
  }

  return (
    <div className="account-actions">
      {isSelf ? null : (
        <button
          type="button"
          className="button secondary"
          disabled={pending}
          onClick={() => void act(() => adminRequest("PATCH", url, { disabled: !disabled }), disabled ? `Enabled ${name}.` : `Disabled ${name}; signed out everywhere.`)}
        >
          {disabled ? `Enable ${name}` : `Disable ${name}`}
        </button>
      )}
      <button type="button" className="button secondary" disabled={pending} onClick={() => void act(() => adminRequest("POST", `${url}/revoke`, { sessions: true }), `Signed ${name} out everywhere.`)}>
        Sign {name} out everywhere
      </button>
      <button type="button" className="button secondary" disabled={pending} onClick={() => void act(() => adminRequest("POST", `${url}/revoke`, { tokens: true }), `Revoked ${name}'s API tokens.`)}>
        Revoke {name}&apos;s tokens
      </button>
      {message ? (
        <p role={message.error ? "alert" : "status"} className={message.error ? "error" : "lede"}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
