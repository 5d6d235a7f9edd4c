import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { removeForeignWrite, untrustedReason } from "./trusted-directory";

const me = process.getuid!();

describe("untrustedReason", () => {
  let root: string;
  let bin: string;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "hexapla-trust-"));
    bin = path.join(root, "postgres", "bin");
    fs.mkdirSync(bin, { recursive: true, mode: 0o755 });
    fs.writeFileSync(path.join(bin, "postgres"), "#!/bin/sh\n", { mode: 0o755 });
    fs.chmodSync(root, 0o755);
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it("trusts a tree its owner alone can write, under a sticky /tmp", () => {
    expect(untrustedReason(path.join(root, "postgres"), me)).toBeNull();
  });

  it("refuses a program others may write", () => {
    fs.chmodSync(path.join(bin, "postgres"), 0o757);
    expect(untrustedReason(path.join(root, "postgres"), me)).toMatch(/bin\/postgres is writable by other users$/);
  });

  it("refuses a folder inside a folder others may write", () => {
    fs.chmodSync(root, 0o777);
    expect(untrustedReason(path.join(root, "postgres"), me)).toMatch(/is writable by other users$/);
  });

  it("refuses a tree another user owns", () => {
    expect(untrustedReason(path.join(root, "postgres"), me + 1)).toMatch(/is owned by uid/);
  });

  it("refuses what does not exist", () => {
    expect(untrustedReason(path.join(root, "nothing"), me)).toMatch(/does not exist$/);
  });

  it("removeForeignWrite makes a copied tree trusted", () => {
    fs.chmodSync(bin, 0o777);
    fs.chmodSync(path.join(bin, "postgres"), 0o775);
    removeForeignWrite(path.join(root, "postgres"));
    expect(untrustedReason(path.join(root, "postgres"), me)).toBeNull();
    expect(fs.statSync(path.join(bin, "postgres")).mode & 0o777).toBe(0o755);
  });
});
