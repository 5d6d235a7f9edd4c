/**
 * Exports are written as streams: for a large generated work (the sample work 2,000 times, megabytes per export),
 * every kind arrives in many pieces, and the bytes are exactly those the exporters wrote as one string before they
 * streamed (SHA-256 recorded from that implementation).
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { largeWork } from "../formats/fixtures/large-work";
import { exportStream, renderExport } from "./export-files";
import { EXPORT_KINDS, type ExportKind } from "./schemas";

/** SHA-256 and size of each export of largeWork(2000) as the string exporters wrote it. */
const BEFORE_STREAMING: Record<ExportKind, [string, number]> = {
  "tei-edition": ["18abe2296d1d4cc96b8384824915e2c0bc11e51cd68564e9d08c4c7159c4cbe7", 2257898],
  "tei-alignment": ["e34152ac6745104ae89ae2d769bf2451de45449e6a5647c426e9c1190f3b2b33", 2985602],
  "tei-parallel": ["2c3b6b22300ec57297ce57d001d7b288264f84a491fd938546fc37dc76f889b9", 6944978],
  tmx: ["a148486cc2659bc2899a772b4d17da3df524f6c53fd647027a2053beed50e24f", 12170366],
  "grid-csv": ["3fd635e2a2dd2e742145b113e735a738a0dc28e04738a405f162f84c73eccdd0", 3116114],
  "grid-json": ["4b6752a1cd1c6a1567004c25045415f99e4f25a642d620bc013c5d80e7c679eb", 6172898],
  "variants-csv": ["91128df5baebe074f719b50dc485d9654b84b6a40425a6116da2f03fb005c278", 734240],
  "variants-json": ["a0ccd54836ac5c5561f449d5d1f582c51f71c8eb5675a7c51a2413cba6676f50", 1494695],
  "work-json": ["2f896f243a547fa3bfdf6862f39964449fd40e6ff1930d2f2f4eeb5bca75039f", 13632673],
};

describe("streamed exports of a large work", () => {
  const work = largeWork(2000);

  it.each(EXPORT_KINDS)("%s: many pieces, byte for byte the export as it was", async (kind) => {
    const file = renderExport(work, kind, kind === "tei-edition" ? { edition: "ru" } : {});
    const reader = exportStream(file.body).getReader();
    const hash = createHash("sha256");
    let pieces = 0;
    let bytes = 0;
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      pieces += 1;
      bytes += read.value.byteLength;
      hash.update(read.value);
    }
    expect([hash.digest("hex"), bytes]).toEqual(BEFORE_STREAMING[kind]);
    expect(pieces).toBeGreaterThan(5);
  });
});
