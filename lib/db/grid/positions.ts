/**
 * Where new rows and segments go in a gapped integer order. Existing items keep their positions; new ones take
 * free positions between their neighbours. When the gap is used up, every item is renumbered with the full gap.
 */

export type PositionPlan =
  | { kind: "insert"; positions: Map<string, number> }
  /** Every item of `order` gets a fresh position (new items included). */
  | { kind: "renumber"; positions: Map<string, number> };

/**
 * Positions for the items of `order` that `existing` does not have. Items of `existing` that `order` leaves
 * out are about to go but still hold their positions, so new items avoid them. The existing items in `order`
 * must keep their relative order.
 */
export function planPositions(existing: ReadonlyMap<string, number>, order: readonly string[], gap: number): PositionPlan {
  const used = new Set(existing.values());
  const positions = new Map<string, number>();
  let index = 0;
  let previous = -1;
  while (index < order.length) {
    if (existing.has(order[index])) {
      const position = existing.get(order[index])!;
      if (position <= previous) throw new Error("Existing items must keep their relative order.");
      previous = position;
      index += 1;
      continue;
    }
    const runStart = index;
    while (index < order.length && !existing.has(order[index])) index += 1;
    const run = order.slice(runStart, index);
    const next = index < order.length ? existing.get(order[index])! : undefined;
    const placed = placeRun(run.length, previous, next, gap, used);
    if (placed === null) return renumber(order, gap);
    run.forEach((id, k) => positions.set(id, placed[k]));
    previous = placed[placed.length - 1];
  }
  return { kind: "insert", positions };
}

/** `count` increasing free positions strictly between `low` and `high` (no upper bound when undefined). */
function placeRun(count: number, low: number, high: number | undefined, gap: number, used: ReadonlySet<number>): number[] | null {
  const start = Math.max(low, 0);
  const step = high === undefined ? gap : (high - start) / (count + 1);
  const placed: number[] = [];
  let last = low;
  for (let k = 1; k <= count; k += 1) {
    let candidate = Math.max(Math.floor(start + step * k), last + 1);
    while (used.has(candidate)) candidate += 1;
    if (high !== undefined && candidate >= high) return null;
    placed.push(candidate);
    last = candidate;
  }
  return placed;
}

function renumber(order: readonly string[], gap: number): PositionPlan {
  return { kind: "renumber", positions: new Map(order.map((id, i) => [id, (i + 1) * gap])) };
}
