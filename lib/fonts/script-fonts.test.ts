import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseFaces, SCRIPT_FONTS, scriptOfLanguage, scriptsToServe, scriptStyleSheet } from "./script-fonts";

const installed = (name: string) => ["400", "700"].map((weight) => fs.readFileSync(path.join("node_modules", "@fontsource", name, `${weight}.css`), "utf8")).join("\n");

describe("scriptsToServe", () => {
  it("finds the script of each edition's language, once, and only where Noto Serif's Latin and Cyrillic do not cover it", () => {
    expect(scriptsToServe(["en", "ru", "zh-Hans", "zh", "ja", "th", "my", "hi", "ur", "am", "hy", "km", "bo", "ka", "el", "zh-TW", "ko", "pa", "kn", "or"])).toEqual(
      ["Armn", "Arab", "Deva", "Ethi", "Geor", "Grek", "Guru", "Hans", "Hant", "Jpan", "Khmr", "Knda", "Kore", "Mymr", "Orya", "Thai", "Tibt"].sort(),
    );
    expect(scriptsToServe(["en", "fr", "ru", "sr-Latn"])).toEqual([]);
  });

  it("reads an explicit script subtag and survives a malformed tag", () => {
    expect(scriptOfLanguage("sr-Cyrl")).toBe("Cyrl");
    expect(scriptOfLanguage("pa-Arab")).toBe("Arab");
    expect(scriptOfLanguage("not a tag")).toBeNull();
  });
});

describe("script style sheets from the installed @fontsource packages", () => {
  it("serves every script's regular and bold faces (woff2, with their unicode-range) and nothing of Latin", () => {
    for (const font of Object.values(SCRIPT_FONTS)) {
      const faces = parseFaces(font.package, installed(font.package));
      const sheet = scriptStyleSheet(font, faces, (file) => `/script-fonts/${file}`);
      expect(sheet, font.package).toMatch(/@font-face\{font-family:'[^']+'.*src:url\(\/script-fonts\/[\w.[\]-]+\.woff2\) format\('woff2'\);unicode-range:U\+/);
      expect(sheet, font.package).not.toMatch(/latin|\.woff\)/);
      expect(sheet, font.package).toMatch(/font-weight:400;/);
      expect(sheet, font.package).toMatch(/font-weight:700;/);
      for (const file of sheet.matchAll(/url\(\/script-fonts\/([^)]+)\)/g)) {
        expect(fs.existsSync(path.join("node_modules", "@fontsource", font.package, "files", file[1])), file[1]).toBe(true);
      }
    }
  });

  it("cuts Chinese into its numbered slices and gives Thai its one subset", () => {
    const chinese = scriptStyleSheet(SCRIPT_FONTS.Hans, parseFaces("noto-serif-sc", installed("noto-serif-sc")), (file) => file);
    expect(chinese.split("\n").length).toBeGreaterThan(180);
    expect(chinese).toMatch(/unicode-range:[^}]*U\+6559/i); // 教
    const thai = scriptStyleSheet(SCRIPT_FONTS.Thai, parseFaces("noto-serif-thai", installed("noto-serif-thai")), (file) => file);
    expect(thai.split("\n")).toHaveLength(2);
    expect(thai).toContain("U+0E01-0E5B");
  });
});
