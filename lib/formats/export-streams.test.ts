/**
 * The streamed writers: JSON with arrays read while written (json-stream.ts) is JSON.stringify's text; XML elements
 * with lazy children (xml-stream.ts) are xml-writer's; and every exporter written from an ExportSource gives the
 * bytes of the exporter over the same WorkExport in memory, also for the shapes a stream must look ahead for — an
 * edition without text (`<body/>`), a work without rows or word links (empty link groups), date lines closing a div.
 */
import { describe, expect, it } from "vitest";
import { exportBody, planExport } from "../api/export-files";
import { EXPORT_KINDS } from "../api/schemas";
import { exportGridCsv, exportVariantsCsv } from "./csv-export";
import { memorySource } from "./export-source";
import { sampleWork } from "./fixtures/sample-work";
import { exportGridJson, exportVariantsJson, exportWorkJson } from "./json-export";
import { jsonStream, lazyArray } from "./json-stream";
import { exportTeiAlignment, exportTeiEdition, exportTeiParallel } from "./tei-export";
import { exportTmx } from "./tmx-export";
import type { WorkExport } from "./work-export";
import { el, renderXmlChunks } from "./xml-writer";
import { lazyEl, LazyNodes, nonEmpty, renderXmlStream } from "./xml-stream";

async function text(pieces: AsyncIterable<string>): Promise<string> {
  let out = "";
  for await (const piece of pieces) out += piece;
  return out;
}

async function* items<T>(values: T[]): AsyncGenerator<T> {
  for (const value of values) yield value;
}

describe("jsonStream", () => {
  it.each([
    [{ a: lazyArray(items([1, { b: [2, 3] }, null])), c: "x" }, { a: [1, { b: [2, 3] }, null], c: "x" }],
    [{ rows: lazyArray(items([])) }, { rows: [] }],
    [lazyArray(items([{ deep: lazyArray(items(["é", undefined])) }])), [{ deep: ["é", null] }]],
    [{ nested: { list: lazyArray(items([[1, [2]], {}])) }, skipped: undefined }, { nested: { list: [[1, [2]], {}] } }],
  ])("writes JSON.stringify(…, null, 2) of %j", async (lazy, whole) => {
    expect(await text(jsonStream(lazy))).toBe(JSON.stringify(whole, null, 2));
  });
});

describe("renderXmlStream", () => {
  it("writes lazy children as xml-writer writes them, and an element without any as <name/>", async () => {
    const links = [el("link", { n: 1 }), el("link", { n: 2 }, ["two & more"])];
    const whole = el("root", { a: "1" }, [el("group", {}, links), el("empty", {}, []), el("words", {}, [el("w")])]);
    const lazy = lazyEl("root", { a: "1" }, [
      lazyEl("group", {}, [new LazyNodes(items(links))]),
      lazyEl("empty", {}, [new LazyNodes(items([]))]),
      nonEmpty("none", {}, items([])),
      nonEmpty("words", {}, items([el("w")])),
    ]);
    expect(await text(renderXmlStream(lazy))).toBe([...renderXmlChunks(whole)].join(""));
  });
});

/** Every export of `work` through an ExportSource against the exporters of a WorkExport in memory. */
async function expectSameExports(work: WorkExport) {
  const current = work.editions.filter((e) => e.supersededBy == null).map((e) => e.slug);
  const chosen = current.slice(0, 2).reverse();
  const whole: Record<string, (editions: string[]) => string> = {
    "tei-alignment": (editions) => exportTeiAlignment(work, editions),
    "tei-parallel": (editions) => exportTeiParallel(work, editions),
    tmx: (editions) => exportTmx(work, editions),
    "grid-csv": (editions) => exportGridCsv(work, editions),
    "grid-json": (editions) => exportGridJson(work, editions),
    "variants-csv": () => exportVariantsCsv(work),
    "variants-json": () => exportVariantsJson(work),
    "work-json": () => exportWorkJson(work),
  };
  for (const kind of EXPORT_KINDS) {
    if (kind === "tei-edition") {
      for (const edition of work.editions) {
        const plan = planExport({ slug: work.work.slug, editions: work.editions }, kind, { edition: edition.slug });
        expect(await text(exportBody(memorySource(work), plan)), `${kind} ${edition.slug}`).toBe(exportTeiEdition(work, edition.slug));
      }
      continue;
    }
    for (const editions of [undefined, chosen]) {
      const plan = planExport({ slug: work.work.slug, editions: work.editions }, kind, { editions });
      expect(await text(exportBody(memorySource(work), plan)), `${kind} ${editions ?? ""}`).toBe(whole[kind](plan.editions));
    }
  }
}

describe("exporters written from an ExportSource", () => {
  it("give the sample work's files byte for byte", async () => {
    await expectSameExports(sampleWork);
  });

  it("give the same files for editions with a record of their import: source file and Unicode normalisation", async () => {
    const work = structuredClone(sampleWork);
    work.editions[0] = { ...work.editions[0], sourceFile: "ru.tei.xml", normalisation: { form: "NFC", letters: 19, segments: 3 } };
    work.editions[1] = { ...work.editions[1], sourceFile: null, normalisation: null };
    work.editions[2] = { ...work.editions[2], sourceFile: "fr.txt", normalisation: { form: "NFC", letters: 1, segments: 0 } };
    expect(exportWorkJson(work)).toContain('"normalisation": {');
    await expectSameExports(work);
  });

  it("give the same files where a stream must look ahead: no text, no rows, no word links, date lines", async () => {
    const work = structuredClone(sampleWork);
    work.rows = [];
    work.variants = [];
    work.wordLinks = [];
    work.editions[0].segments = [];
    const edition = work.editions[1];
    edition.segments = [
      { id: "h1", blockIndex: 0, kind: "heading", headingLevel: 2, text: "Title" },
      { id: "d1", blockIndex: 1, kind: "dateline", headingLevel: null, text: "Paris, 1937" },
      { id: "p1", blockIndex: 2, kind: "paragraph", headingLevel: null, text: "One." },
      { id: "p2", blockIndex: 2, kind: "paragraph", headingLevel: null, text: "Two." },
      { id: "d2", blockIndex: 3, kind: "dateline", headingLevel: null, text: "1938" },
      { id: "d3", blockIndex: 4, kind: "dateline", headingLevel: null, text: "1939" },
      { id: "h2", blockIndex: 5, kind: "heading", headingLevel: 1, text: "Next" },
      { id: "q1", blockIndex: 6, kind: "blockquote", headingLevel: null, text: "Quoted." },
      { id: "d4", blockIndex: 7, kind: "dateline", headingLevel: null, text: "End" },
    ];
    await expectSameExports(work);
  });
});
