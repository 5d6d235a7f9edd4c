"use client";

import { useState } from "react";
import type { ApiTokenInfo, CreatedApiToken } from "@/lib/db/api-tokens/api-tokens";
import type { TokenScope } from "@/lib/auth/roles";

const SCOPE_LABEL: Record<TokenScope, string> = {
  read: "read only",
  write: "read and write",
  admin: "everything, including users and settings",
};

function day(iso: string | null): string {
  return iso ? iso.slice(0, 10) : "—";
}

/** Creates tokens (showing each once) and revokes them, through /api/tokens. */
export function TokenManager({ initial, isAdmin, defaultDays }: { initial: ApiTokenInfo[]; isAdmin: boolean; defaultDays: number }) {
  const [tokens, setTokens] = useState(initial);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function create(form: HTMLFormElement) {
    const data = new FormData(form);
    setPending(true);
    setError(null);
    const response = await fetch("/api/tokens", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: String(data.get("name") ?? ""), expiresInDays: Number(data.get("expiresInDays")), scope: data.get("scope") }),
    });
    setPending(false);
    const body = await response.json();
    if (!response.ok) {
      setError(body?.error?.message ?? `The token could not be created (HTTP ${response.status}).`);
      return;
    }
    const token = body as CreatedApiToken;
    setCreated(token);
    setTokens((list) => [{ id: token.id, name: token.name, scope: token.scope, createdAt: token.createdAt, lastUsedAt: null, expiresAt: token.expiresAt }, ...list]);
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
        <select id="token-expiry" name="expiresInDays" defaultValue={String(defaultDays)}>
          {[...new Set([7, 30, defaultDays, 90, 365])]
            .sort((a, b) => a - b)
            .map((days) => (
              <option key={days} value={days}>
                in {days} days
              </option>
            ))}
        </select>
        <label htmlFor="token-scope">May</label>
        <select id="token-scope" name="scope" defaultValue="write">
          <option value="read">{SCOPE_LABEL.read}</option>
          <option value="write">{SCOPE_LABEL.write}</option>
          {isAdmin ? <option value="admin">{SCOPE_LABEL.admin}</option> : null}
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
              <th scope="col">May</th>
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
                <td>{SCOPE_LABEL[token.scope]}</td>
                <td>{day(token.createdAt)}</td>
                <td>{day(token.lastUsedAt)}</td>
                <td>{day(token.expiresAt)}</td>
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
