/** The admin page's writes: JSON to the admin API, with the server's message when it refuses. */
export async function adminRequest(method: "POST" | "PUT" | "PATCH", url: string, body: unknown): Promise<{ ok: true } | { ok: false; message: string }> {
  const response = await fetch(url, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) }).catch(() => null);
  if (response?.ok) return { ok: true };
  const payload = (await response?.json().catch(() => null)) as { error?: { message?: string } } | null;
  return { ok: false, message: payload?.error?.message ?? "The server could not be reached; nothing was changed." };
}
