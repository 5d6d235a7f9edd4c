/**
 * Witnesses a word diff can compare, named in the URL of the diff page: an edition's text in a row
 * (`edition:en`), a segment's current text (`segment:<id>`), and a segment's text before or after one of its
 * revisions (`before:<revision id>`, `after:<revision id>`).
 */
import { z } from "zod";

export type WitnessRef =
  | { kind: "edition"; slug: string }
  | { kind: "segment"; id: string }
  | { kind: "before" | "after"; revisionId: string };

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const Uuid = z.uuid();

export function parseWitness(value: string | undefined): WitnessRef | null {
  const match = /^(edition|segment|before|after):(.+)$/.exec(value ?? "");
  if (!match) return null;
  const [, kind, rest] = match;
  if (kind === "edition") return SLUG.test(rest) ? { kind, slug: rest } : null;
  if (!Uuid.safeParse(rest).success) return null;
  return kind === "segment" ? { kind, id: rest } : { kind: kind as "before" | "after", revisionId: rest };
}

export function witnessId(ref: WitnessRef): string {
  switch (ref.kind) {
    case "edition":
      return `edition:${ref.slug}`;
    case "segment":
      return `segment:${ref.id}`;
    default:
      return `${ref.kind}:${ref.revisionId}`;
  }
}
