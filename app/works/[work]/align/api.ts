/** The editor's calls to the HTTP API; refusals come back as ApiError with the server's code, message and details. */
import type { EditorGrid } from "@/lib/db/grid/editor-grid";
import type { ChangeSummary } from "@/lib/db/grid/types";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** The changes that made a write stale, when the server named them. */
  get changes(): ChangeSummary[] {
    const details = this.details as { changes?: ChangeSummary[] } | undefined;
    return details?.changes ?? [];
  }
}

async function call<T>(url: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { "content-type": "application/json", ...init.headers } });
  } catch {
    throw new ApiError(0, "network", "The server could not be reached; nothing was changed. Check the connection and try again.");
  }
  const body = (await response.json().catch(() => null)) as { error?: { code: string; message: string; details?: unknown } } | null;
  if (!response.ok) {
    throw new ApiError(response.status, body?.error?.code ?? "internal", body?.error?.message ?? `The server answered HTTP ${response.status}.`, body?.error?.details);
  }
  return body as T;
}

export function getJson<T>(url: string): Promise<T> {
  return call<T>(url);
}

export function sendJson<T>(method: "POST" | "PUT" | "PATCH", url: string, body: unknown): Promise<T> {
  return call<T>(url, { method, body: JSON.stringify(body) });
}

/** Rows per request when the editor reloads the whole grid (the route's maximum page). */
const GRID_PAGE = 1000;
const GRID_ATTEMPTS = 5;

/**
 * The whole grid, read a page at a time (GET …/grid is paged); when the grid changes between pages (another version),
 * reading starts again.
 */
export async function getWholeGrid(api: string): Promise<EditorGrid> {
  for (let attempt = 1; ; attempt += 1) {
    const first = await getJson<EditorGrid & { next: string | null }>(`${api}/grid?limit=${GRID_PAGE}`);
    const rows = [...first.rows];
    let next = first.next;
    let consistent = true;
    while (next !== null && consistent) {
      const page = await getJson<EditorGrid & { next: string | null }>(`${api}/grid?limit=${GRID_PAGE}&cursor=${encodeURIComponent(next)}`);
      consistent = page.version === first.version;
      rows.push(...page.rows);
      next = page.next;
    }
    if (consistent) return { workId: first.workId, version: first.version, editions: first.editions, rows };
    if (attempt === GRID_ATTEMPTS) throw new ApiError(409, "conflict", "The grid kept changing while it was being loaded; reload the page.");
  }
}
