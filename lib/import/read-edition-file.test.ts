import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ImportError } from "../text/edition-document";
import { readEditionFile } from "./read-edition-file";

const CORPUS = path.resolve(import.meta.dirname, "../../data/thirst-for-power");

const EDITION = `---
work: thirst-for-power
edition: en
language: en
title: Thirst for Power
provenance: published
original: false
apparatus: en.apparatus.txt
corrections: en.corrections.tsv
---

{#p1} In the words of Vyshinsky, the “United Center” had no program.[^1] It was motivated only by power.
`;

const APPARATUS = `---
work: thirst-for-power
edition: en
language: en
title: Apparatus
provenance: published
original: false
---

# {#notes} Notes

{#n1 .note} 1. The Report of Court Proceedings, August 19-24, 1936.
`;

const CORRECTIONS = "line\tkind\tbefore\tafter\treason\n12\textraction\tprogram.1\tprogram.[^1]\tnote reference marked up\n";

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "hexapla-read-edition-"));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function write(name: string, content: string | Uint8Array, into = dir): string {
  const file = path.join(into, name);
  fs.writeFileSync(file, content);
  return file;
}

function writeEdition(into = dir, files: { edition?: string; apparatus?: string; corrections?: string } = {}): string {
  write("en.apparatus.txt", files.apparatus ?? APPARATUS, into);
  write("en.corrections.tsv", files.corrections ?? CORRECTIONS, into);
  return write("en.txt", files.edition ?? EDITION, into);
}

function importError(run: () => unknown): ImportError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error("expected an ImportError, nothing was thrown");
}

describe("readEditionFile", () => {
  it("reads the edition with its apparatus and corrections", () => {
    const { document, fileName, checksum } = readEditionFile(writeEdition());
    expect(fileName).toBe("en.txt");
    expect(checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(document.meta.edition).toBe("en");
    expect(document.blocks.map((block) => block.sentences.length)).toEqual([2]);
    expect(document.apparatus?.blocks.map((block) => [block.kind, block.labels])).toEqual([
      ["heading", ["notes"]],
      ["note", ["n1"]],
    ]);
    expect(document.corrections).toEqual([{ line: 12, kind: "extraction", before: "program.1", after: "program.[^1]", reason: "note reference marked up" }]);
  });

  it("reads an edition without side files", () => {
    const edition = EDITION.replace(/^apparatus: .*\n|^corrections: .*\n/gm, "");
    const { document } = readEditionFile(write("en.txt", edition));
    expect(document.apparatus).toBeNull();
    expect(document.corrections).toEqual([]);
  });

  it("reads the English edition of the demo corpus with its 24 corrections, each of a kind", () => {
    const { document } = readEditionFile(path.join(CORPUS, "en.txt"));
    expect(document.meta.title).toBe("“Thirst for Power”");
    expect(document.apparatus?.blocks.length).toBeGreaterThan(0);
    expect(document.corrections).toHaveLength(24);
    const count = (kind: string) => document.corrections.filter((correction) => correction.kind === kind).length;
    expect([count("extraction"), count("emendation"), count("markup")]).toEqual([13, 7, 4]);
  });

  it("rejects an edition file that is not valid UTF-8", () => {
    const latin1 = Buffer.from(EDITION.replace("In the words", "Aux dires de Vychinski, élu"), "latin1");
    const file = writeEdition();
    write("en.txt", latin1);
    const error = importError(() => readEditionFile(file));
    expect([error.file, error.line, error.reason]).toEqual(["en.txt", null, "the file is not valid UTF-8"]);
  });

  it("rejects a side file that is not valid UTF-8, naming the side file", () => {
    const file = writeEdition();
    write("en.apparatus.txt", Buffer.concat([Buffer.from(APPARATUS), Buffer.from([0xc3, 0x28])]));
    const error = importError(() => readEditionFile(file));
    expect([error.file, error.reason]).toEqual(["en.apparatus.txt", "the file is not valid UTF-8"]);
  });

  it("rejects a missing edition file", () => {
    const error = importError(() => readEditionFile(path.join(dir, "nowhere.txt")));
    expect([error.file, error.reason]).toEqual(["nowhere.txt", "cannot read the file (ENOENT)"]);
  });

  it.each([["apparatus", "en.apparatus.txt"], ["corrections", "en.corrections.tsv"]])(
    "rejects a missing %s file, naming it and the edition that refers to it",
    (key, name) => {
      const file = writeEdition();
      fs.rmSync(path.join(dir, name));
      const error = importError(() => readEditionFile(file));
      expect(error.file).toBe("en.txt");
      expect(error.reason).toBe(`front matter “${key}”: file ${name} not found`);
    },
  );

  it("rejects the apparatus of another edition, naming both editions", () => {
    const file = writeEdition(dir, { apparatus: APPARATUS.replace("edition: en", "edition: fr") });
    const error = importError(() => readEditionFile(file));
    expect(error.file).toBe("en.apparatus.txt");
    expect(error.reason).toBe("the apparatus belongs to thirst-for-power/fr, not thirst-for-power/en");
  });

  it("rejects the apparatus of another work", () => {
    const file = writeEdition(dir, { apparatus: APPARATUS.replace("work: thirst-for-power", "work: their-morals-and-ours") });
    expect(importError(() => readEditionFile(file)).reason).toMatch(/belongs to their-morals-and-ours\/en/);
  });

  it("reports an error inside a side file with the side file's name and line", () => {
    const file = writeEdition(dir, { corrections: `${CORRECTIONS}13\tonly two fields\n` });
    const error = importError(() => readEditionFile(file));
    expect([error.file, error.line]).toEqual(["en.corrections.tsv", 3]);
  });
});

describe("readEditionFile checksum", () => {
  it("is the same for the same files, read twice or from another folder", () => {
    const first = readEditionFile(writeEdition()).checksum;
    expect(readEditionFile(path.join(dir, "en.txt")).checksum).toBe(first);
    const other = fs.mkdtempSync(path.join(os.tmpdir(), "hexapla-read-edition-copy-"));
    try {
      expect(readEditionFile(writeEdition(other)).checksum).toBe(first);
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });

  it.each([
    ["the edition", { edition: EDITION.replace("no program", "no programme") }],
    ["the apparatus", { apparatus: APPARATUS.replace("August", "April") }],
    ["the corrections", { corrections: CORRECTIONS.replace("marked up", "marked up as a note") }],
  ])("changes when %s changes", (_, changed) => {
    const before = readEditionFile(writeEdition()).checksum;
    expect(readEditionFile(writeEdition(dir, changed)).checksum).not.toBe(before);
  });

  it("changes when text moves from the end of one file to the start of the next", () => {
    const before = readEditionFile(writeEdition()).checksum;
    const moved = readEditionFile(writeEdition(dir, { apparatus: APPARATUS.replace(/\n$/, ""), corrections: `\n${CORRECTIONS}` }));
    expect(moved.document.corrections).toHaveLength(1);
    expect(moved.checksum).not.toBe(before);
  });
});
