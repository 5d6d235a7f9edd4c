/**
 * Reading access is checked where data is read: reads refuse anything but an issued ReadAccess, and every page and
 * read route of the app gets one through the request's check (pageReader / loadWork, requireReader) — never the
 * trusted access meant for the command line and tests.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { assertReadAccess, trustedReadAccess, type ReadAccess } from "./reading-access";

const appDir = path.resolve(import.meta.dirname, "..", "..", "..", "app");

function files(dir: string, name: RegExp): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter((entry) => entry.isFile() && name.test(entry.name)).map((entry) => path.join(entry.parentPath, entry.name));
}

describe("reading access", () => {
  it("is refused to a look-alike that was not issued", () => {
    expect(() => assertReadAccess({ user: null } as ReadAccess)).toThrow(/needs a ReadAccess/);
    expect(() => assertReadAccess(trustedReadAccess())).not.toThrow();
  });

  it("is never the trusted access inside the app", () => {
    const offenders = files(appDir, /\.tsx?$/).filter((file) => fs.readFileSync(file, "utf8").includes("trustedReadAccess"));
    expect(offenders).toEqual([]);
  });

  it("is checked by every page of a work and the home page before they read", () => {
    const pages = [...files(path.join(appDir, "works"), /^page\.tsx$/), path.join(appDir, "page.tsx")];
    expect(pages.length).toBeGreaterThan(10);
    const unchecked = pages.filter((file) => !/\b(loadWork|pageReader)\(/.test(fs.readFileSync(file, "utf8")));
    expect(unchecked.map((file) => path.relative(appDir, file))).toEqual([]);
  });

  it("is checked by every GET route of the works API", () => {
    const routes = files(path.join(appDir, "api", "works"), /^route\.ts$/).filter((file) => /export (async )?function GET/.test(fs.readFileSync(file, "utf8")));
    expect(routes.length).toBeGreaterThan(10);
    const unchecked = routes.filter((file) => {
      const get = fs.readFileSync(file, "utf8").split(/export (?:async )?function GET/)[1].split(/export (?:async )?function /)[0];
      return !/requireReader\(|requireRole\(/.test(get);
    });
    expect(unchecked.map((file) => path.relative(appDir, file))).toEqual([]);
  });
});
