/**
 * Editors at work at the same time, through the HTTP API as the editor page uses it: each keeps a copy of the grid
 * (GET …/grid, brought up to date with the patches writes answer and …/grid/changes), and sends random grid
 * operations and text corrections, each naming the version it saw, as fast as answers come. Then a race: pairs of
 * editors send a write on the same row with the same base version at the same instant.
 *
 * `send` is how requests reach the app: `fetch` against a running server (bench/load.ts) or the route handlers
 * called in-process (the integration test). `checkLoad` reads the outcome back from PostgreSQL: the grid invariant,
 * exactly one journal entry per accepted write (and none for a refused one), and that no two accepted writes based
 * on the same version touched the same rows (or the same segment's text).
 */
import { performance } from "node:perf_hooks";
import { checkGridInvariant } from "../../lib/alignment/grid";
import type { Db } from "../../lib/db/client";
import { applyGridPatch, type EditorGrid, type EditorRow, type GridPatch } from "../../lib/db/grid/editor-grid";
import { loadGridState } from "../../lib/db/grid/load-grid-state";
import type { EditorOperation } from "../../lib/db/grid/operation-request";

export type Send = (method: "GET" | "POST" | "PUT", path: string, headers: Record<string, string>, body?: unknown) => Promise<Response>;

export interface WriteRecord {
  editor: number;
  kind: string;
  /** The grid version (operations) or segment version (text) the write was based on. */
  base: number;
  segmentId?: string;
  status: number;
  version?: number;
  ms: number;
}

export interface LoadOptions {
  send: Send;
  work: string;
  /** One set of request headers per editor (a session cookie or an API token). */
  editors: Record<string, string>[];
  /** Stop after this long, or after `operations` writes per editor, whichever comes first. */
  durationMs: number;
  operations?: number;
  /** Rows most writes go to, so that editors get in each other's way. */
  hotRows?: number;
  races?: number;
  seed?: number;
}

export interface LoadResult {
  writes: WriteRecord[];
  races: { pairs: number; bothAccepted: number; oneAccepted: number; noneAccepted: number };
  seconds: number;
  requests: number;
}

/** A small deterministic generator (mulberry32), so a failing run can be replayed with its seed. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Editor {
  grid!: EditorGrid;
  constructor(
    private readonly options: LoadOptions,
    readonly index: number,
    private readonly next: () => number,
    private readonly counter: { requests: number },
  ) {}

  private get headers() {
    return this.options.editors[this.index];
  }

  private async request(method: "GET" | "POST" | "PUT", path: string, body?: unknown): Promise<Response> {
    this.counter.requests += 1;
    return this.options.send(method, `/api/works/${this.options.work}${path}`, this.headers, body);
  }

  async load() {
    const response = await this.request("GET", "/grid");
    if (!response.ok) throw new Error(`GET grid: HTTP ${response.status}`);
    this.grid = (await response.json()) as EditorGrid;
  }

  async catchUp(patch?: GridPatch) {
    if (patch && !patch.full && patch.since <= this.grid.version) {
      const rows = applyGridPatch(this.grid.rows, patch);
      if (rows) {
        this.grid = { ...this.grid, rows, version: Math.max(this.grid.version, patch.version) };
        return;
      }
    }
    const response = await this.request("GET", `/grid/changes?since=${this.grid.version}`);
    if (!response.ok) return this.load();
    const missing = (await response.json()) as GridPatch;
    const rows = missing.full ? null : applyGridPatch(this.grid.rows, missing);
    if (rows) this.grid = { ...this.grid, rows, version: missing.version };
    else await this.load();
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  private row(): EditorRow {
    const rows = this.grid.rows;
    const hot = Math.min(rows.length, this.options.hotRows ?? 20);
    return this.next() < 0.7 ? rows[Math.floor(this.next() * hot)] : this.pick(rows);
  }

  /** A random write that usually applies to the grid as this editor last saw it. */
  private choose(): { kind: string; method: "POST" | "PUT"; path: string; body: unknown; base: number; segmentId?: string } {
    const row = this.row();
    const editionId = this.pick(this.grid.editions).id;
    const cell = row.cells[editionId] ?? [];
    const base = this.grid.version;
    const op = (value: EditorOperation) => ({ kind: value.type, method: "POST" as const, path: "/grid/operations", body: { op: value, baseVersion: base }, base });
    const roll = this.next();
    if (roll < 0.2 && cell.length > 0) {
      const segment = this.pick(cell);
      const marker = " [checked]";
      const text = segment.text.endsWith(marker) ? segment.text.slice(0, -marker.length) : `${segment.text}${marker}`;
      return { kind: "editText", method: "PUT", path: `/segments/${segment.id}/text`, body: { text, reason: "load test correction", baseVersion: segment.version }, base: segment.version, segmentId: segment.id };
    }
    if (roll < 0.35) return op({ type: "setStatus", rowId: row.id, status: row.status === "confirmed" ? "automatic" : "confirmed" });
    if (roll < 0.47) return op({ type: "mergeRows", rowId: row.id });
    if (roll < 0.57) {
      const at = Object.fromEntries(Object.entries(row.cells).map(([id, segments]) => [id, Math.floor(segments.length / 2)]));
      return op({ type: "splitRow", rowId: row.id, at });
    }
    if (roll < 0.67) return op({ type: "shiftUp", rowId: row.id, editionId });
    if (roll < 0.77) return op({ type: "popDown", rowId: row.id, editionId });
    if (roll < 0.82) return op({ type: this.next() < 0.5 ? "moveCellUp" : "moveCellDown", rowId: row.id, editionId });
    if (roll < 0.92 && cell.length > 0) {
      const segment = this.pick(cell);
      const space = segment.text.indexOf(" ", Math.floor(segment.text.length / 2));
      if (space > 0) return op({ type: "splitSegment", segmentId: segment.id, offset: space + 1 });
    }
    if (cell.length > 1) return op({ type: "mergeSegments", segmentId: cell[0].id });
    return op({ type: "confirmUpTo", rowId: row.id });
  }

  async write(records: WriteRecord[]) {
    const chosen = this.choose();
    const start = performance.now();
    const response = await this.request(chosen.method, chosen.path, chosen.body);
    const body = (await response.json().catch(() => null)) as { version?: number; changes?: GridPatch } | null;
    const ms = performance.now() - start;
    records.push({ editor: this.index, kind: chosen.kind, base: chosen.base, segmentId: chosen.segmentId, status: response.status, version: response.ok ? body?.version : undefined, ms });
    if (response.status >= 500) return;
    await this.catchUp(response.ok ? body?.changes : undefined);
  }
}

export async function runEditors(options: LoadOptions): Promise<LoadResult> {
  const counter = { requests: 0 };
  const next = random(options.seed ?? 1937);
  const editors = options.editors.map((_, index) => new Editor(options, index, next, counter));
  await Promise.all(editors.map((editor) => editor.load()));
  const writes: WriteRecord[] = [];
  const started = performance.now();
  const deadline = started + options.durationMs;
  await Promise.all(
    editors.map(async (editor) => {
      for (let n = 0; performance.now() < deadline && (options.operations === undefined || n < options.operations); n++) await editor.write(writes);
    }),
  );
  const seconds = (performance.now() - started) / 1000;

  const races = { pairs: 0, bothAccepted: 0, oneAccepted: 0, noneAccepted: 0 };
  for (let round = 0; round < (options.races ?? 0) && editors.length >= 2; round++) {
    const [a, b] = [editors[(2 * round) % editors.length], editors[(2 * round + 1) % editors.length]];
    await a.load();
    const row = a.grid.rows[round % Math.min(a.grid.rows.length, 10)];
    // Both ask for the same change on the same row, based on the same version: the second to commit must be refused.
    const status = row.status === "confirmed" ? "automatic" : "confirmed";
    const body = { op: { type: "setStatus", rowId: row.id, status }, baseVersion: a.grid.version };
    const send = (editor: Editor) => {
      counter.requests += 1;
      const start = performance.now();
      return options.send("POST", `/api/works/${options.work}/grid/operations`, options.editors[editor.index], body).then(async (response) => {
        const answer = (await response.json().catch(() => null)) as { version?: number } | null;
        writes.push({ editor: editor.index, kind: "race:setStatus", base: a.grid.version, status: response.status, version: response.ok ? answer?.version : undefined, ms: performance.now() - start });
        return response.status;
      });
    };
    const statuses = await Promise.all([send(a), send(b)]);
    races.pairs += 1;
    const accepted = statuses.filter((status) => status === 200).length;
    if (accepted === 2) races.bothAccepted += 1;
    else if (accepted === 1) races.oneAccepted += 1;
    else races.noneAccepted += 1;
  }
  return { writes, races, seconds, requests: counter.requests };
}

export interface LoadCheck {
  gridProblems: ReturnType<typeof checkGridInvariant>;
  accepted: number;
  journalEntries: number;
  /** Accepted writes whose version is not the grid version of exactly one new journal entry. */
  unjournalled: number;
  /** Journal entries no accepted write accounts for. */
  unexplained: number;
  /** Pairs of accepted writes on the same base version that touched a common row (or corrected the same segment). */
  conflictingPairs: number;
  sameBasePairs: number;
}

export async function checkLoad(prisma: Db, workId: string, versionBefore: number, writes: WriteRecord[]): Promise<LoadCheck> {
  const { state } = await prisma.$transaction((tx) => loadGridState(tx, workId));
  const gridProblems = checkGridInvariant(state.grid, state.segments);
  const journal = await prisma.gridOperation.findMany({ where: { workId, gridVersion: { gt: versionBefore } }, select: { gridVersion: true, rowIds: true } });
  const byVersion = new Map(journal.map((entry) => [entry.gridVersion, entry]));
  const accepted = writes.filter((write) => write.status === 200);
  const versions = new Set(accepted.map((write) => write.version));
  const unjournalled = accepted.filter((write) => write.version === undefined || !byVersion.has(write.version)).length + (accepted.length - versions.size);
  const unexplained = journal.filter((entry) => !versions.has(entry.gridVersion)).length;

  let conflictingPairs = 0;
  let sameBasePairs = 0;
  const groups = new Map<string, WriteRecord[]>();
  for (const write of accepted) {
    const key = write.kind === "editText" ? `text:${write.segmentId}:${write.base}` : `grid:${write.base}`;
    groups.set(key, [...(groups.get(key) ?? []), write]);
  }
  for (const [key, group] of groups) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        sameBasePairs += 1;
        if (key.startsWith("text:")) conflictingPairs += 1;
        else {
          const rows = new Set(byVersion.get(group[i].version!)?.rowIds ?? []);
          if ((byVersion.get(group[j].version!)?.rowIds ?? []).some((row) => rows.has(row))) conflictingPairs += 1;
        }
      }
    }
  }
  return { gridProblems, accepted: accepted.length, journalEntries: journal.length, unjournalled, unexplained, conflictingPairs, sameBasePairs };
}
