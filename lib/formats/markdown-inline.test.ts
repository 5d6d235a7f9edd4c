/**
 * The inline parser is linear in its input, whatever the input: its work (WorkMeter steps) stays under a constant
 * times the length for adversarial inputs — the ones that made the former regular expressions quadratic — and for
 * arbitrary strings of markup characters. Work is counted, not timed; `npm run bench:parsers` times it.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { WorkMeter } from "../text/work-meter";
import { inlineText } from "./markdown-inline";

/**
 * Steps per input character that no input may exceed: about ten passes with their tables, over a text that parked
 * escapes make up to four times longer. A quadratic pass would need thousands per character at these sizes.
 */
const STEPS_PER_CHAR = 160;

function work(input: string): number {
  const meter: WorkMeter = { steps: 0 };
  inlineText(input, meter);
  return meter.steps;
}

/** Inputs that made a backtracking parser rescan the rest of the text from every opening delimiter. */
export const ADVERSARIAL_INLINE: Record<string, (n: number) => string> = {
  "unclosed images": (n) => "![".repeat(n / 2),
  "unclosed links": (n) => "[a".repeat(n / 2),
  "links sharing one long destination": (n) => `${"[a](".repeat(n / 8)}${")".repeat(1)}${"x".repeat(n / 2)}`,
  "unclosed strong": (n) => "**a ".repeat(n / 4),
  "unclosed emphasis": (n) => "*a ".repeat(n / 3),
  "unclosed underscores": (n) => "_a ".repeat(n / 3),
  "unclosed autolinks": (n) => "<http:a".repeat(n / 7),
  "unclosed tags": (n) => "<a b".repeat(n / 4),
  "backtick runs": (n) => "`a``".repeat(n / 4),
  "nested parentheses": (n) => `[a](${"(".repeat(n / 2)}`,
  escapes: (n) => "\\*".repeat(n / 2),
};

describe("inlineText is linear in its input", () => {
  it.each(Object.keys(ADVERSARIAL_INLINE))("%s: the work per character stays bounded as the input grows 16-fold", (name) => {
    const make = ADVERSARIAL_INLINE[name];
    const small = make(16_384);
    const large = make(262_144);
    expect(work(small)).toBeGreaterThanOrEqual(small.length);
    expect(work(large)).toBeLessThanOrEqual(STEPS_PER_CHAR * large.length);
    expect(work(large) / large.length).toBeLessThanOrEqual((work(small) / small.length) * 1.5);
  });

  it("does at most a constant amount of work per character on any string of markup characters (property)", () => {
    const markup = fc.array(fc.constantFrom(..."*_`[]()!<>\\^:/ a\n".split(""), "http:", "**", "__", "]("), { maxLength: 3000 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(markup, (input) => {
        expect(work(input)).toBeLessThanOrEqual(STEPS_PER_CHAR * input.length + STEPS_PER_CHAR);
      }),
      { numRuns: 300 },
    );
  });

  it("reads a megabyte of adversarial markup", () => {
    expect(inlineText("![".repeat(500_000)) === "![".repeat(500_000)).toBe(true);
    expect(inlineText("[a".repeat(500_000)) === "[a".repeat(500_000)).toBe(true);
    expect(inlineText("**a ".repeat(250_000)).length).toBeGreaterThan(500_000);
  });
});

describe("inlineText", () => {
  it.each([
    ["`*code*` keeps its markup", "*code* keeps its markup"],
    ["a ``tick ` inside`` b", "a tick inside b"],
    ["[text with [bracket](x) y", "text with [bracket y"],
    ["[a](b(c)d) and [e](f", "a and [e](f"],
    ["<em>x</em> <not a tag", "x <not a tag"],
    ["***both***", "both"],
    ["a\u0000b", "a\uFFFDb"],
  ])("%j → %j", (markdown, text) => {
    expect(inlineText(markdown)).toBe(text);
  });
});
