import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect";

describe("safeRedirectPath", () => {
  it("keeps a path on this site with its query and fragment", () => {
    expect(safeRedirectPath("/works/thirst-for-power/compare?editions=ru,en#r12")).toBe("/works/thirst-for-power/compare?editions=ru,en#r12");
    expect(safeRedirectPath("/account/tokens")).toBe("/account/tokens");
  });

  it.each([
    ["another origin", "https://evil.example/"],
    ["a protocol-relative URL", "//evil.example/path"],
    ["a backslash browsers read as a slash", "/\\evil.example"],
    ["a backslash after the slash pair", "/\\/evil.example"],
    ["a tab that browsers drop", "/\t/evil.example"],
    ["a newline that browsers drop", "/\n/evil.example"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a relative path", "works"],
    ["an empty value", ""],
    ["nothing", undefined],
  ])("refuses %s", (_, next) => {
    expect(safeRedirectPath(next)).toBe("/");
  });

  it("normalises dot segments without leaving the site", () => {
    expect(safeRedirectPath("/works/../admin")).toBe("/admin");
    expect(safeRedirectPath("/..//evil.example")).toBe("/");
  });
});
