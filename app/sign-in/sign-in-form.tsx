"use client";

import { useState } from "react";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";

/** Posts to the authentication library's endpoint; the session cookie comes back with the response. */
export function SignInForm({ next }: { next: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <form
      className="form"
      onSubmit={async (event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        setPending(true);
        setError(null);
        const response = await fetch("/api/auth/sign-in/email", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ email: form.get("email"), password: form.get("password") }),
        });
        setPending(false);
        if (response.ok) {
          window.location.assign(safeRedirectPath(next));
          return;
        }
        const wait = Number(response.headers.get("retry-after") ?? response.headers.get("x-retry-after"));
        const message = ((await response.json().catch(() => null)) as { message?: unknown } | null)?.message;
        setError(
          response.status === 429
            ? `Too many sign-in attempts. Try again in ${wait > 0 ? `${wait} seconds` : "a minute"}.`
            : response.status === 401
              ? "Wrong email or password."
              : response.status === 403 && typeof message === "string"
                ? message
                : `Sign-in failed (HTTP ${response.status}).`,
        );
      }}
    >
      <label htmlFor="email">Email</label>
      <input id="email" name="email" type="email" autoComplete="username" required />
      <label htmlFor="password">Password</label>
      <input id="password" name="password" type="password" autoComplete="current-password" required />
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
    </form>
  );
}
