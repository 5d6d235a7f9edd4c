import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const cli = path.join(root, "scripts", "align-cli.ts");
const tsx = path.join(root, "node_modules", ".bin", "tsx");
let dir: string;

function run(args: string[], cwd = root) {
  const result = spawnSync(tsx, [cli, ...args], { cwd, encoding: "utf8", env: { ...process.env, INIT_CWD: cwd } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function file(name: string, content: string | Buffer): string {
  const target = path.join(dir, name);
  writeFileSync(target, content);
  return target;
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "align-cli-"));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("align CLI", { timeout: 30_000 }, () => {
  it("prints only a JSON array of beads covering every line of both files", () => {
    const a = file("a.txt", "Leon Trotsky arrived in Mexico in 1937.\nHe lived in Coyoacán.\n\nHe wrote every day.\n");
    const b = file("b.txt", "Léon Trotsky arriva au Mexique en 1937.\nIl vécut à Coyoacán.\n\nIl écrivait chaque jour.\nNote du traducteur.\n");
    const { status, stdout, stderr } = run([a, b, "--lang-a", "en", "--format", "json", "--lang-b", "fr"]);
    expect(stderr).toBe("");
    expect(status).toBe(0);
    const beads = JSON.parse(stdout) as Array<{ a: number[]; b: number[]; score: number }>;
    expect(beads.flatMap((bead) => bead.a)).toEqual([0, 1, 2, 3]);
    expect(beads.flatMap((bead) => bead.b)).toEqual([0, 1, 2, 3, 4]);
    for (const bead of beads) {
      expect(Object.keys(bead).sort()).toEqual(["a", "b", "score"]);
      expect(bead.score).toBeGreaterThanOrEqual(0);
      expect(bead.score).toBeLessThanOrEqual(1);
    }
    expect(beads[0]).toMatchObject({ a: [0], b: [0] });
  });

  it("counts empty lines as segments, a final newline not, and an empty file as none", () => {
    const a = file("lines.txt", "One.\n\nTwo.");
    const empty = file("empty.txt", "");
    const { status, stdout } = run([a, empty]);
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual([
      { a: [0], b: [], score: 0 },
      { a: [1], b: [], score: 0 },
      { a: [2], b: [], score: 0 },
    ]);
  });

  it("resolves relative file names against the directory npm was started from", () => {
    file("rel-a.txt", "Hello.\n");
    file("rel-b.txt", "Bonjour.\n");
    const { status, stdout } = run(["rel-a.txt", "rel-b.txt"], dir);
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toHaveLength(1);
  });

  it("exits with status 2 and one stderr line for a missing file", () => {
    const a = file("present.txt", "Hello.\n");
    const { status, stdout, stderr } = run([a, path.join(dir, "absent.txt")]);
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(stderr).toContain("absent.txt");
  });

  it("exits with status 2 and one stderr line for a file that is not UTF-8", () => {
    const a = file("good.txt", "Hello.\n");
    const bad = file("latin1.txt", Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    const { status, stdout, stderr } = run([a, bad]);
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/UTF-8/);
  });

  it("exits with status 2 for an unknown option, a missing value or a missing file argument", () => {
    const a = file("x.txt", "Hello.\n");
    for (const args of [[a, a, "--verbose"], [a, a, "--lang-a"], [a], [a, a, "--format", "csv"]]) {
      const { status, stdout, stderr } = run(args);
      expect(status).toBe(2);
      expect(stdout).toBe("");
      expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    }
  });
});
