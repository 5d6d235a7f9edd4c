/**
 * Whether an open stream's reader may still read, asked before every change it sends. The answer is shared by the
 * streams of one identity (the same session cookie or token, or every anonymous reader) and kept until someone's
 * access changes — every such change NOTIFYs on the hub's connection, in commit order, before any later grid
 * change — or for at most `RECHECK_MS`, which bounds what no NOTIFY announces (a session or token reaching its
 * expiry). So 500 anonymous streams cost one query per change, not 500, and no change is sent that a fresh check
 * would refuse. "unknown" means the check could not be made (the database is unreachable).
 */
import { readAccessOf } from "../users/reading-access";
import type { LiveHub } from "./live-hub";

export type ReaderVerdict = "allowed" | "denied" | "unknown";

export const RECHECK_MS = 20_000;

interface Entry {
  epoch: number;
  at: number;
  verdict: Promise<ReaderVerdict>;
}

const globalForChecks = globalThis as unknown as { hexaplaReaderChecks?: WeakMap<LiveHub, Map<string, Entry>> };

function entries(hub: LiveHub): Map<string, Entry> {
  globalForChecks.hexaplaReaderChecks ??= new WeakMap();
  let map = globalForChecks.hexaplaReaderChecks.get(hub);
  if (!map) globalForChecks.hexaplaReaderChecks.set(hub, (map = new Map()));
  return map;
}

const identityOf = (headers: Headers) => `${headers.get("authorization") ?? ""}\n${headers.get("cookie") ?? ""}`;

export function checkReader(hub: LiveHub, headers: Headers): Promise<ReaderVerdict> {
  const map = entries(hub);
  const key = identityOf(headers);
  const now = Date.now();
  const known = map.get(key);
  if (known && known.epoch === hub.accessEpoch && now - known.at < RECHECK_MS) return known.verdict;
  if (map.size > 1000) {
    for (const [k, entry] of map) if (entry.epoch !== hub.accessEpoch || now - entry.at >= RECHECK_MS) map.delete(k);
  }
  const verdict: Promise<ReaderVerdict> = readAccessOf(headers).then(
    (access) => (access ? "allowed" : "denied"),
    () => "unknown",
  );
  const entry = { epoch: hub.accessEpoch, at: now, verdict };
  map.set(key, entry);
  // An answer that could not be had is not kept: the next question asks again.
  void verdict.then((answer) => {
    if (answer === "unknown" && map.get(key) === entry) map.delete(key);
  });
  return verdict;
}
