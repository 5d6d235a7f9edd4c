/** Checks that beads are a valid alignment of n and m segments: every index once, in order, scores in [0,1]. */
import type { Bead } from "./types";

export function beadViolations(beads: readonly Bead[], n: number, m: number): string[] {
  const problems: string[] = [];
  let a = 0;
  let b = 0;
  beads.forEach((bead, k) => {
    if (bead.a.length === 0 && bead.b.length === 0) problems.push(`bead ${k} is empty`);
    bead.a.forEach((x, t) => {
      if (x !== a + t) problems.push(`bead ${k}: A index ${x}, expected ${a + t}`);
    });
    bead.b.forEach((y, t) => {
      if (y !== b + t) problems.push(`bead ${k}: B index ${y}, expected ${b + t}`);
    });
    if (!(bead.score >= 0 && bead.score <= 1)) problems.push(`bead ${k}: score ${bead.score} outside [0,1]`);
    a += bead.a.length;
    b += bead.b.length;
  });
  if (a !== n) problems.push(`beads cover ${a} of ${n} A segments`);
  if (b !== m) problems.push(`beads cover ${b} of ${m} B segments`);
  return problems;
}
