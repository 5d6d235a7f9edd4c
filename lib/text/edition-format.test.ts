import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { rowsFromLabels } from "../alignment/label-rows";
import { ImportError } from "./edition-document";
import { parseCorrections, parseEditionText } from "./edition-format";

const NBSP = "\u00a0";
const NNBSP = "\u202f";
const CORPUS = path.resolve(import.meta.dirname, "../../data/thirst-for-power");
const DEMO_EDITIONS = ["en", "fr", "es", "it", "ru"];

/** Front matter lines 2–7 (line 1 is `---`), closing `---` on line 8, a blank line 9, body from line 10. */
const FRONT = ["work: thirst-for-power", "edition: fr", "language: fr", "title: La soif du pouvoir", "provenance: published", "original: false"];

function edition(front: string[], body: string): string {
  return ["---", ...front, "---", "", body].join("\n");
}

/** The ImportError thrown by `run`, so that tests can check its file, line and reason. */
function importError(run: () => unknown): ImportError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error("expected an ImportError, nothing was thrown");
}

function expectError(text: string, line: number | null, reason: RegExp) {
  const error = importError(() => parseEditionText(text, "fr.txt"));
  expect(error.file).toBe("fr.txt");
  expect(error.line).toBe(line);
  expect(error.reason).toMatch(reason);
  expect(error.message).toBe(`fr.txt${line === null ? "" : `:${line}`}: ${error.reason}`);
}

describe("parseEditionText: front matter", () => {
  it("reads every known key, with empty values as unknown", () => {
    const text = edition(
      [
        ...FRONT,
        "work-title: Thirst for Power",
        "author: Léon Trotsky",
        "translator:",
        "publisher: Grasset",
        "place: Paris",
        "year: 1937",
        "source: Les Crimes de Staline",
        "editor: Jean Dupont",
        "based-on: Écrits de Léon Trotsky",
        "translated-from: en",
        "made: 2026-11-25/2026-12-06",
        "title-ours: true",
        "departures: Omits one sentence of p14.",
        "apparatus: fr.apparatus.txt",
        "corrections: fr.corrections.tsv",
      ],
      "{#p1} Un paragraphe.",
    );
    const parsed = parseEditionText(text, "fr.txt");
    expect(parsed.meta).toEqual({
      work: "thirst-for-power",
      workTitle: "Thirst for Power",
      author: "Léon Trotsky",
      edition: "fr",
      language: "fr",
      title: "La soif du pouvoir",
      translator: null,
      publisher: "Grasset",
      place: "Paris",
      year: 1937,
      original: false,
      provenance: "published",
      source: "Les Crimes de Staline",
      standsInForOriginal: false,
      editor: "Jean Dupont",
      basedOn: "Écrits de Léon Trotsky",
      translatedFrom: "en",
      made: "2026-11-25/2026-12-06",
      titleOurs: true,
      departures: "Omits one sentence of p14.",
    });
    expect(parsed.apparatusFile).toBe("fr.apparatus.txt");
    expect(parsed.correctionsFile).toBe("fr.corrections.tsv");
  });

  it("returns no side files and a null year when they are not given", () => {
    const parsed = parseEditionText(edition(FRONT, "Texte."), "fr.txt");
    expect(parsed.apparatusFile).toBeNull();
    expect(parsed.correctionsFile).toBeNull();
    expect(parsed.meta.year).toBeNull();
    expect(parsed.meta.original).toBe(false);
  });

  it("reads original: true", () => {
    const front = FRONT.map((line) => (line === "original: false" ? "original: true" : line));
    expect(parseEditionText(edition(front, "Texte."), "fr.txt").meta.original).toBe(true);
  });

  it("reads `stands-in-for: original`: not the original, but in its place", () => {
    const front = [...FRONT.map((line) => (line.startsWith("provenance:") ? "provenance: working-translation" : line)), "stands-in-for: original"];
    expect(parseEditionText(edition(front, "Texte."), "fr.txt").meta).toMatchObject({ original: false, standsInForOriginal: true });
  });

  it("reads a working translation marked as the original (files written before `stands-in-for`) as standing in for it", () => {
    const front = FRONT.map((line) => (line === "original: false" ? "original: true" : line.startsWith("provenance:") ? "provenance: working-translation" : line));
    expect(parseEditionText(edition(front, "Texte."), "fr.txt").meta).toMatchObject({ original: false, standsInForOriginal: true });
  });

  it("rejects a stand-in that says it is the original, another stands-in-for value and a malformed made date, at their lines", () => {
    const original = FRONT.map((line) => (line === "original: false" ? "original: true" : line));
    expectError(edition([...original, "stands-in-for: original"], "Texte."), 8, /stands in for the original is not the original/);
    expectError(edition([...FRONT, "stands-in-for: the 1937 edition"], "Texte."), 8, /“stands-in-for” can only be “original”/);
    expectError(edition([...FRONT, "made: last winter"], "Texte."), 8, /“made”: a date such as 2026-11-25/);
    expectError(edition([...FRONT, "title-ours: yes"], "Texte."), 8, /“title-ours” must be true or false/);
    expectError(edition([...FRONT, "translated-from: English"], "Texte."), 8, /“translated-from”/);
  });

  it("rejects a file that does not start with `---` at line 1", () => {
    expectError("work: thirst-for-power\n---\n\nTexte.", 1, /must start with a front-matter line/);
  });

  it("rejects a missing required key, naming the key", () => {
    for (const key of ["work", "edition", "language", "title", "provenance", "original"]) {
      const front = FRONT.filter((line) => !line.startsWith(`${key}:`));
      expectError(edition(front, "Texte."), 1, new RegExp(`“${key}” is required`));
    }
  });

  it("rejects a required key left empty at the line where it stands", () => {
    const front = FRONT.map((line) => (line.startsWith("title:") ? "title:" : line));
    expectError(edition(front, "Texte."), 5, /“title” is required/);
  });

  it("rejects an unknown key at its line and lists the known keys", () => {
    expectError(edition([...FRONT, "edtion: fr"], "Texte."), 8, /unknown front-matter key “edtion” \(known: work, work-title/);
  });

  it("rejects a key given twice at its second line", () => {
    expectError(edition([...FRONT, "year: 1937", "year: 1938"], "Texte."), 9, /“year” appears twice/);
  });

  it("rejects a line that is not `key: value` at that line", () => {
    expectError(edition([...FRONT, "Title = La soif"], "Texte."), 8, /front matter lines are `key: value`/);
  });

  it.each([["37"], ["1937a"], ["MCMXXXVII"], ["0999"]])("rejects the year %j at its line", (year) => {
    expectError(edition([...FRONT, `year: ${year}`], "Texte."), 8, /“year”/);
  });

  it("rejects an original that is not true or false at its line", () => {
    const front = FRONT.map((line) => (line.startsWith("original:") ? "original: yes" : line));
    expectError(edition(front, "Texte."), 7, /“original” must be true or false/);
  });

  it("rejects an unknown provenance at its line", () => {
    const front = FRONT.map((line) => (line.startsWith("provenance:") ? "provenance: draft" : line));
    expectError(edition(front, "Texte."), 6, /“provenance”/);
  });

  it.each([["French"], ["FR"], ["f"], ["fr_FR"]])("rejects the language code %j at its line", (language) => {
    const front = FRONT.map((line) => (line.startsWith("language:") ? `language: ${language}` : line));
    expectError(edition(front, "Texte."), 4, /“language”: a BCP 47 language code/);
  });

  it("accepts a language code with a region subtag", () => {
    const front = FRONT.map((line) => (line.startsWith("language:") ? "language: fr-CA" : line));
    expect(parseEditionText(edition(front, "Texte."), "fr.txt").meta.language).toBe("fr-CA");
  });

  it("rejects a work name that is not a slug at its line", () => {
    const front = FRONT.map((line) => (line.startsWith("work:") ? "work: Thirst for Power" : line));
    expectError(edition(front, "Texte."), 2, /“work”: use a–z, 0–9 and hyphens/);
  });

  it("rejects a front matter that is never closed, at the line that opens it", () => {
    expectError(["---", ...FRONT, ""].join("\n"), 1, /not closed by a line `---`/);
  });
});

describe("parseEditionText: blocks", () => {
  it("reads headings, paragraphs, quotations, datelines and notes with their labels and lines", () => {
    const body = [
      "# {#h1} « La soif du pouvoir »",
      "",
      "## {#h2} Première partie",
      "",
      "{#d1 .dateline} Janvier 1937",
      "",
      "{#p1} Aux dires de Vychinski, le Centre",
      "n’avait aucun programme. Il n’était mû que par la soif.",
      "",
      "> {#p3} Le bloc n’est réalisable que si vous",
      "> voulez lutter pour le pouvoir.",
      "",
      "{#n1 .note} Note du traducteur.",
    ].join("\n");
    const { blocks } = parseEditionText(edition(FRONT, body), "fr.txt");
    expect(blocks).toEqual([
      { kind: "heading", level: 1, labels: ["h1"], line: 10, sentences: [{ text: "« La soif du pouvoir »" }] },
      { kind: "heading", level: 2, labels: ["h2"], line: 12, sentences: [{ text: "Première partie" }] },
      { kind: "dateline", level: null, labels: ["d1"], line: 14, sentences: [{ text: "Janvier 1937" }] },
      {
        kind: "paragraph",
        level: null,
        labels: ["p1"],
        line: 16,
        sentences: [{ text: "Aux dires de Vychinski, le Centre n’avait aucun programme." }, { text: "Il n’était mû que par la soif." }],
      },
      {
        kind: "blockquote",
        level: null,
        labels: ["p3"],
        line: 19,
        sentences: [{ text: "Le bloc n’est réalisable que si vous voulez lutter pour le pouvoir." }],
      },
      { kind: "note", level: null, labels: ["n1"], line: 22, sentences: [{ text: "Note du traducteur." }] },
    ]);
  });

  it("keeps a heading or a dateline whole even when it holds several sentences", () => {
    const { blocks } = parseEditionText(edition(FRONT, "# Un titre. Deux phrases.\n\n{.dateline} Paris. Janvier 1937."), "fr.txt");
    expect(blocks.map((block) => block.sentences.length)).toEqual([1, 1]);
  });

  it("reads a block that covers two labels and a block without attributes", () => {
    const { blocks } = parseEditionText(edition(FRONT, "{#p5 #p6} Deux paragraphes en un.\n\nSans étiquette."), "fr.txt");
    expect(blocks.map((block) => block.labels)).toEqual([["p5", "p6"], []]);
  });

  it("separates blocks by several blank lines and by lines of white space", () => {
    const { blocks } = parseEditionText(edition(FRONT, "Un.\n\n\n  \t\nDeux."), "fr.txt");
    expect(blocks.map((block) => block.sentences[0].text)).toEqual(["Un.", "Deux."]);
  });

  it("rejects an unknown block attribute at the block's line", () => {
    expectError(edition(FRONT, "Un.\n\n{#p1 .quote} Deux."), 12, /unknown block attribute “.quote”/);
  });

  it("rejects a quotation line without `>` at that line", () => {
    expectError(edition(FRONT, "> {#p3} Le bloc n’est réalisable\n> que si vous\nvoulez lutter."), 12, /must start with `>`/);
  });

  it("rejects a heading that runs onto a second line at that line", () => {
    expectError(edition(FRONT, "# {#h1} La soif\ndu pouvoir"), 11, /a heading must fit on one line/);
  });

  it("rejects attributes in the middle of a block at the line that holds them", () => {
    expectError(edition(FRONT, "{#p1} Premier paragraphe,\nqui continue ici.\n{#p2} Le second oublié."), 12, /attributes must come first/);
  });

  it("rejects attributes after the start of the first line", () => {
    expectError(edition(FRONT, "Premier paragraphe {#p1} mal étiqueté."), 10, /attributes must come first/);
  });

  it("rejects a block that has attributes but no text", () => {
    expectError(edition(FRONT, "Un.\n\n{#p2 .note}"), 12, /attributes but no text/);
  });

  it("rejects a quotation block with no text", () => {
    expectError(edition(FRONT, "Un.\n\n>"), 12, /^the block has no text$/);
  });

  it("rejects an edition with no text after the front matter at the line that closes it", () => {
    expectError(["---", ...FRONT, "---", "", "  "].join("\n"), 8, /no text after the front matter/);
    expectError(["---", ...FRONT, "---"].join("\n"), 8, /no text after the front matter/);
  });
});

describe("parseEditionText: encodings and characters", () => {
  const body = "{#p1} Il dit : « Non ! »\nPuis il partit.";

  it("ignores a byte order mark and keeps line numbers", () => {
    const plain = parseEditionText(edition(FRONT, body), "fr.txt");
    const withBom = parseEditionText(`\uFEFF${edition(FRONT, body)}`, "fr.txt");
    expect(withBom).toEqual(plain);
    expect(withBom.blocks[0].line).toBe(10);
  });

  it("reads CRLF and CR line ends as LF, with the same line numbers", () => {
    const lf = parseEditionText(edition(FRONT, body), "fr.txt");
    expect(parseEditionText(edition(FRONT, body).replace(/\n/g, "\r\n"), "fr.txt")).toEqual(lf);
    expect(parseEditionText(edition(FRONT, body).replace(/\n/g, "\r"), "fr.txt")).toEqual(lf);
  });

  it("names the right line in a CRLF file", () => {
    const text = edition([...FRONT, "colour: red"], "Texte.").replace(/\n/g, "\r\n");
    expect(importError(() => parseEditionText(text, "fr.txt")).line).toBe(8);
  });

  it("keeps no-break and narrow no-break spaces inside guillemets, in the title and in the text", () => {
    const front = FRONT.map((line) => (line.startsWith("title:") ? `title: «${NBSP}La soif du pouvoir${NBSP}»` : line));
    const text = edition(front, `{#p1} Il dit${NNBSP}: «${NBSP}Non${NBSP}!${NBSP}» Puis il partit.`);
    const parsed = parseEditionText(text, "fr.txt");
    expect(parsed.meta.title).toBe(`«${NBSP}La soif du pouvoir${NBSP}»`);
    expect(parsed.blocks[0].sentences.map((sentence) => sentence.text)).toEqual([
      `Il dit${NNBSP}: «${NBSP}Non${NBSP}!${NBSP}»`,
      "Puis il partit.",
    ]);
  });

  it("rejects binary input without a line number", () => {
    expectError(`${edition(FRONT, "Texte.")}\u0000\u0001\u0002`, null, /binary/);
  });
});

describe("the demo corpus", () => {
  const parsed = Object.fromEntries(
    DEMO_EDITIONS.map((name) => [name, parseEditionText(fs.readFileSync(path.join(CORPUS, `${name}.txt`), "utf8"), `${name}.txt`)]),
  );

  it.each(DEMO_EDITIONS)("parses %s.txt as that edition of the work", (name) => {
    expect(parsed[name].meta.work).toBe("thirst-for-power");
    expect(parsed[name].meta.edition).toBe(name);
    expect(parsed[name].meta.language).toBe(name);
    expect(parsed[name].blocks.every((block) => block.labels.length > 0)).toBe(true);
  });

  it("marks no edition as the original: the Russian working translation stands in for it", () => {
    expect(DEMO_EDITIONS.filter((name) => parsed[name].meta.original)).toEqual([]);
    expect(DEMO_EDITIONS.filter((name) => parsed[name].meta.standsInForOriginal)).toEqual(["ru"]);
  });

  it("says of each working translation who made it, when, from which edition, that its title is ours, and where it departs on purpose", () => {
    const working = DEMO_EDITIONS.filter((name) => parsed[name].meta.provenance === "working-translation");
    expect(working.sort()).toEqual(["es", "fr", "it", "ru"]);
    for (const name of working) {
      expect(parsed[name].meta).toMatchObject({ translator: "working translation made for Hexapla", translatedFrom: "en", made: "2026-11-25/2026-12-06", titleOurs: true });
    }
    expect(parsed.fr.meta.departures).toContain("“That was our last conversation.”");
    expect(parsed.es.meta.departures).toContain("“I have always seen in mistaken revolutionary impatience the source of opportunism and adventurism.”");
    expect(parsed.it.meta.departures).toContain("[Termidoro è il mese del calendario rivoluzionario francese");
    expect(parsed.ru.meta.departures).toMatch(/^None deliberate/);
  });

  it("records of the English only what the seed supports: the pamphlet, its editor, the source of its text; no publisher or year", () => {
    expect(parsed.en.meta).toMatchObject({
      provenance: "published",
      original: false,
      translator: null,
      editor: "Tim Davenport (introduction and notes)",
      publisher: null,
      place: null,
      year: null,
    });
    expect(parsed.en.meta.basedOn).toMatch(/^Writings of Leon Trotsky \(New York: Pathfinder Press\).*first edition of 1970/);
    expect(parsed.en.blocks.find((block) => block.kind === "dateline")?.sentences[0].text).toBe("January 1937");
  });

  it("gives the English labels in the order PARAGRAPHS.md lists them", () => {
    const listed = [...fs.readFileSync(path.join(CORPUS, "PARAGRAPHS.md"), "utf8").matchAll(/^- (\w+):/gm)].map((match) => match[1]);
    expect(parsed.en.blocks.map((block) => block.labels.join(" "))).toEqual(listed);
  });

  it("keeps the no-break spaces of fr.txt (narrow before ! and ?, full inside guillemets) in its sentences", () => {
    const sentences = parsed.fr.blocks.flatMap((block) => block.sentences.map((sentence) => sentence.text));
    expect(sentences).toContain(`Se préparer pour l’avenir${NNBSP}!`);
    expect(sentences.find((sentence) => sentence.includes("Malheureux"))).toMatch(
      new RegExp(`«${NBSP}Malheureux ceux qui ne savent pas attendre${NNBSP}!${NBSP}»$`),
    );
  });

  it("loses no text between a block's lines and its sentences", () => {
    for (const name of DEMO_EDITIONS) {
      const lines = fs.readFileSync(path.join(CORPUS, `${name}.txt`), "utf8").split("\n");
      for (const block of parsed[name].blocks) {
        const end = lines.indexOf("", block.line - 1);
        const source = lines
          .slice(block.line - 1, end === -1 ? undefined : end)
          .map((line) => line.replace(/^(#{1,2} |> ?)/, "").replace(/^\{[^}]*\}/, ""))
          .join(" ");
        expect(block.sentences.map((sentence) => sentence.text).join(" ").replace(/\s+/gu, "")).toBe(source.replace(/\s+/gu, ""));
      }
    }
  });

  it("has label sequences that rowsFromLabels turns into one row per paragraph group", () => {
    const rows = rowsFromLabels(
      DEMO_EDITIONS.map((name) => ({
        id: name,
        blocks: parsed[name].blocks.map((block) => ({ labels: block.labels, segmentCount: block.sentences.length, line: block.line })),
      })),
    );
    // h1, d1, p1–p4, p5+p6 (merged in fr and it), p7–p11, p12+p13 (merged in es and ru), p14–p17, p18+p19 (merged in it), p20.
    expect(rows).toHaveLength(19);
    for (const name of DEMO_EDITIONS) {
      const total = parsed[name].blocks.reduce((sum, block) => sum + block.sentences.length, 0);
      const indexes = rows.flatMap((row) => row.cells[name] ?? []);
      expect(indexes).toEqual(Array.from({ length: total }, (_, i) => i));
      expect(rows.every((row) => (row.cells[name] ?? []).length > 0)).toBe(true);
    }
  });

  it("puts the English p5 and p6 in the row of the French block {#p5 #p6}", () => {
    const rows = rowsFromLabels(
      ["en", "fr"].map((name) => ({
        id: name,
        blocks: parsed[name].blocks.map((block) => ({ labels: block.labels, segmentCount: block.sentences.length, line: block.line })),
      })),
    );
    const firstSentence = (name: string, label: string) => {
      const index = parsed[name].blocks.findIndex((block) => block.labels.includes(label));
      return parsed[name].blocks.slice(0, index).reduce((sum, block) => sum + block.sentences.length, 0);
    };
    const row = rows.find((candidate) => candidate.cells.fr?.includes(firstSentence("fr", "p5")))!;
    expect(row.cells.en).toContain(firstSentence("en", "p5"));
    expect(row.cells.en).toContain(firstSentence("en", "p6"));
  });
});

describe("parseCorrections", () => {
  const HEADER = "line\tkind\tbefore\tafter\treason";
  const OLD_HEADER = "line\tbefore\tafter\treason";

  it("reads the demo corrections with their kinds, keeping leading spaces in the before and after texts", () => {
    const corrections = parseCorrections(fs.readFileSync(path.join(CORPUS, "en.corrections.tsv"), "utf8"), "en.corrections.tsv");
    expect(corrections).toHaveLength(24);
    expect(corrections[0]).toEqual({
      line: 1,
      kind: "markup",
      before: " Introduction",
      after: "# {#intro} Introduction",
      reason: "leading space left by a page break removed; marked as heading (apparatus)",
    });
    expect(corrections.find((correction) => correction.line === 158)).toMatchObject({ kind: "extraction", before: "8", after: "" });
    expect(corrections.find((correction) => correction.line === 193)).toMatchObject({ kind: "emendation", before: "April 19-24, 1936" });
  });

  it("lists no correction that changes nothing: before and after differ once white space is collapsed", () => {
    const corrections = parseCorrections(fs.readFileSync(path.join(CORPUS, "en.corrections.tsv"), "utf8"), "en.corrections.tsv");
    const collapse = (text: string) => text.replace(/\s+/g, " ").trim();
    expect(corrections.filter((correction) => collapse(correction.before) === collapse(correction.after))).toEqual([]);
  });

  it("reads the older form without kinds, every kind unknown", () => {
    expect(parseCorrections(`${OLD_HEADER}\n12\tfoo\tbar\ttypo\n`, "c.tsv")).toEqual([{ line: 12, kind: null, before: "foo", after: "bar", reason: "typo" }]);
  });

  it("rejects an unknown kind and a row that changes nothing, at their lines", () => {
    const unknown = importError(() => parseCorrections(`${HEADER}\n12\tfix\tfoo\tbar\ttypo\n`, "c.tsv"));
    expect([unknown.line, unknown.reason]).toEqual([2, "the kind must be one of extraction, emendation, markup, found “fix”"]);
    const nothing = importError(() => parseCorrections(`${HEADER}\n12\temendation\tfoo\tbar\ttypo\n13\tmarkup\tfoo\tfoo\tleft as it is\n`, "c.tsv"));
    expect([nothing.line, nothing.reason]).toEqual([3, "the correction changes nothing (before and after are the same): leave the row out"]);
  });

  it("skips blank lines and reads CRLF files with a byte order mark", () => {
    const text = `\uFEFF${HEADER}\r\n\r\n12\temendation\tfoo\tbar\ttypo\r\n`;
    expect(parseCorrections(text, "c.tsv")).toEqual([{ line: 12, kind: "emendation", before: "foo", after: "bar", reason: "typo" }]);
  });

  it("returns nothing for a file with only the header", () => {
    expect(parseCorrections(`${HEADER}\n`, "c.tsv")).toEqual([]);
  });

  it("rejects a file whose header is missing instead of dropping its first correction", () => {
    const error = importError(() => parseCorrections("12\textraction\tfoo\tbar\ttypo\n13\textraction\ta\tb\ttypo\n", "c.tsv"));
    expect(error.line).toBe(1);
    expect(error.reason).toMatch(/header/);
  });

  it("rejects a row without five fields at its line", () => {
    const error = importError(() => parseCorrections(`${HEADER}\n12\textraction\tfoo\tbar\ttypo\n\n13\tfoo bar typo\n`, "c.tsv"));
    expect([error.file, error.line]).toEqual(["c.tsv", 4]);
    expect(error.reason).toMatch(/5 tab-separated fields .* found 2/);
  });

  it("rejects a source line that is not a number at its line", () => {
    expect(importError(() => parseCorrections(`${HEADER}\nl. 12\textraction\tfoo\tbar\ttypo\n`, "c.tsv")).line).toBe(2);
  });

  it("rejects a correction without a reason at its line", () => {
    const error = importError(() => parseCorrections(`${HEADER}\n12\temendation\tfoo\tbar\t  \n`, "c.tsv"));
    expect(error.line).toBe(2);
    expect(error.reason).toMatch(/needs a reason/);
  });
});
