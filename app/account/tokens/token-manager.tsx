"use client";

import { useState } from "react";
import type { ApiTokenInfo, CreatedApiToken } from "@/lib/db/api-tokens/api-tokens";

function day(iso: string | null): string {
  return iso ? iso.slice(0, 10) : "—";
}

/** Creates tokens (showing each once) and revokes them, through /api/tokens. */
export function TokenManager({ initial }: { initial: ApiTokenInfo[] }) {
  const [tokens, setTokens] = useState(initial);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function create(form: HTMLFormElement) {
    const data = new FormData(form);
    const days = String(data.get("expiresInDays") ?? "");
    setPending(true);
    setError(null);
    const response = await fetch("/api/tokens", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: String(data.get("name") ?? ""), ...(days ? { expiresInDays: Number(days) } : {}) }),
    });
    setPending(false);
    const body = await response.json();
    if (!response.ok) {
      setError(body?.error?.message ?? `The token could not be created (HTTP ${response.status}).`);
      return;
    }
    const token = body as CreatedApiToken;
    setCreated(token);
    setTokens((list) => [{ id: token.id, name: token.name, createdAt: token.createdAt, lastUsedAt: null, expiresAt: token.expiresAt }, ...list]);
    form.reset();
  }

  async function revoke(token: ApiTokenInfo) {
    setError(null);
    const response = await fetch(`/api/tokens/${token.id}`, { method: "DELETE" });
    if (!response.ok && response.status !== 404) {
      setError(`The token “${token.name}” could not be revoked (HTTP ${response.status}).`);
      return;
    }
    setTokens((list) => list.filter((t) => t.id !== token.id));
    if (created?.id === token.id) setCreated(null);
  }

  return (
    <>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void create(event.currentTarget);
        }}
      >
        <label htmlFor="token-name">Name (what the token is for)</label>
        <input id="token-name" name="name" type="text" required maxLength={100} autoComplete="off" />
        <label htmlFor="token-expiry">Expires</label>
        <select id="token-expiry" name="expiresInDays" defaultValue="90">
          <option value="30">in 30 days</option>
          <option value="90">in 90 days</option>
          <option value="365">in a year</option>
          <option value="">never</option>
        </select>
        <button type="submit" className="button" disabled={pending}>
          {pending ? "Creating…" : "Create token"}
        </button>
      </form>
      <div aria-live="polite">
        {error ? (
          <p role="alert" className="error">
            {error}
          </p>
        ) : null}
        {created ? (
          <div className="provenance-box published token-shown" role="status">
            <p>
              Your new token “{created.name}”. Copy it now: it will not be shown again.
            </p>
            <label htmlFor="token-value">Token</label>{" "}
            <input id="token-value" readOnly value={created.token} size={60} onFocus={(event) => event.currentTarget.select()} />
          </div>
        ) : null}
      </div>
      <h2>Your tokens</h2>
      {tokens.length === 0 ? (
        <p>You have no tokens.</p>
      ) : (
        <table className="editions">
          <caption className="visually-hidden">Your API tokens</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">Expires</th>
              <th scope="col">
                <span className="visually-hidden">Revoke</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id}>
                <td>{token.name}</td>
                <td>{day(token.createdAt)}</td>
                <td>{day(token.lastUsedAt)}</td>
                <td>{token.expiresAt ? day(token.expiresAt) : "never"}</td>
                <td>
                  <button type="button" className="button secondary" onClick={() => void revoke(token)} aria-label={`Revoke the token ${token.name}`}>
                    Revoke
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
