/**
 * Fonts for the scripts Noto Serif (public/fonts, Latin with Vietnamese, and Cyrillic) does not cover, served from the npm
 * `@fontsource` packages: one style sheet per script (`/script-fonts/<script>.css`), linked by a work's pages only
 * when one of its editions is written in that script, holding the package's regular (400) and bold (700) faces for
 * that script only — bold for headings, column titles and the like — each with its `unicode-range`, so a browser
 * fetches a font file (a subset of a few hundred characters for Chinese, Japanese and Korean) only when a character
 * of it is on the page in that weight. No CDN: the files come from the app.
 */

export interface ScriptFont {
  /** The `@fontsource` package (without the scope). */
  package: string;
  /** Its CSS font family. */
  family: string;
  /** The package's subsets to serve; "sliced": its numbered subsets (the CJK ideographs cut into ~100 slices). */
  subsets: string[] | "sliced";
}

/** By ISO 15924 script code, as Intl.Locale's likely subtags give it for an edition's language. */
export const SCRIPT_FONTS: Record<string, ScriptFont> = {
  Hans: { package: "noto-serif-sc", family: "Noto Serif SC", subsets: "sliced" },
  Hant: { package: "noto-serif-tc", family: "Noto Serif TC", subsets: "sliced" },
  Jpan: { package: "noto-serif-jp", family: "Noto Serif JP", subsets: "sliced" },
  Kore: { package: "noto-serif-kr", family: "Noto Serif KR", subsets: "sliced" },
  Thai: { package: "noto-serif-thai", family: "Noto Serif Thai", subsets: ["thai"] },
  Laoo: { package: "noto-serif-lao", family: "Noto Serif Lao", subsets: ["lao"] },
  Khmr: { package: "noto-serif-khmer", family: "Noto Serif Khmer", subsets: ["khmer"] },
  Mymr: { package: "noto-serif-myanmar", family: "Noto Serif Myanmar", subsets: ["myanmar"] },
  Deva: { package: "noto-serif-devanagari", family: "Noto Serif Devanagari", subsets: ["devanagari"] },
  Beng: { package: "noto-serif-bengali", family: "Noto Serif Bengali", subsets: ["bengali"] },
  Taml: { package: "noto-serif-tamil", family: "Noto Serif Tamil", subsets: ["tamil"] },
  Telu: { package: "noto-serif-telugu", family: "Noto Serif Telugu", subsets: ["telugu"] },
  Gujr: { package: "noto-serif-gujarati", family: "Noto Serif Gujarati", subsets: ["gujarati"] },
  /* No Noto Serif for these three on npm: the sans faces. */
  Guru: { package: "noto-sans-gurmukhi", family: "Noto Sans Gurmukhi", subsets: ["gurmukhi"] },
  Knda: { package: "noto-sans-kannada", family: "Noto Sans Kannada", subsets: ["kannada"] },
  Orya: { package: "noto-sans-oriya", family: "Noto Sans Oriya", subsets: ["oriya"] },
  Mlym: { package: "noto-serif-malayalam", family: "Noto Serif Malayalam", subsets: ["malayalam"] },
  Arab: { package: "noto-naskh-arabic", family: "Noto Naskh Arabic", subsets: ["arabic"] },
  Hebr: { package: "noto-serif-hebrew", family: "Noto Serif Hebrew", subsets: ["hebrew"] },
  Ethi: { package: "noto-sans-ethiopic", family: "Noto Sans Ethiopic", subsets: ["ethiopic"] },
  Armn: { package: "noto-serif-armenian", family: "Noto Serif Armenian", subsets: ["armenian"] },
  Geor: { package: "noto-serif-georgian", family: "Noto Serif Georgian", subsets: ["georgian"] },
  Tibt: { package: "noto-serif-tibetan", family: "Noto Serif Tibetan", subsets: ["tibetan"] },
  Sinh: { package: "noto-serif-sinhala", family: "Noto Serif Sinhala", subsets: ["sinhala"] },
  Grek: { package: "noto-serif", family: "Noto Serif", subsets: ["greek", "greek-ext"] },
};

/** The script an edition's language is written in (its likely script unless the tag names one), or null. */
export function scriptOfLanguage(language: string): string | null {
  try {
    return new Intl.Locale(language).maximize().script ?? null;
  } catch {
    return null;
  }
}

/** The scripts with a font to serve among the languages' scripts, sorted, each once. */
export function scriptsToServe(languages: readonly string[]): string[] {
  return [...new Set(languages.map(scriptOfLanguage).filter((script): script is string => !!script && script in SCRIPT_FONTS))].sort();
}

/** The weights served: regular and bold. */
export const FONT_WEIGHTS = [400, 700] as const;

export interface FontFace {
  /** The subset, e.g. "thai" or "[12]". */
  subset: string;
  weight: number;
  /** The woff2 file's name in the package's `files/`. */
  file: string;
  unicodeRange: string;
}

const FACE = /\/\*\s*(\S+)-(\d00)-normal\s*\*\/\s*@font-face\s*\{([^}]*)\}/g;

/** The upright faces of a package's `<weight>.css` files (e.g. `400.css` and `700.css`): subset, weight, woff2 file and unicode-range. */
export function parseFaces(packageName: string, css: string): FontFace[] {
  const faces: FontFace[] = [];
  for (const [, name, weight, body] of css.matchAll(FACE)) {
    const file = /url\(\.\/files\/([\w.[\]-]+\.woff2)\)/.exec(body)?.[1];
    const unicodeRange = /unicode-range:\s*([^;]+);/.exec(body)?.[1]?.trim();
    if (!file || !unicodeRange || /italic/.test(body.match(/font-style:\s*(\w+)/)?.[1] ?? "")) continue;
    faces.push({ subset: name.startsWith(`${packageName}-`) ? name.slice(packageName.length + 1) : name, weight: Number(weight), file, unicodeRange });
  }
  return faces;
}

/** The faces of a script's font to serve. */
export function facesToServe(font: ScriptFont, faces: FontFace[]): FontFace[] {
  return faces.filter((face) => (font.subsets === "sliced" ? /^\[\d+\]$/.test(face.subset) : font.subsets.includes(face.subset)));
}

/** The style sheet of a script: its faces, woff2 only, from `fileUrl(file)`. */
export function scriptStyleSheet(font: ScriptFont, faces: FontFace[], fileUrl: (file: string) => string): string {
  return facesToServe(font, faces)
    .map(
      (face) =>
        `@font-face{font-family:'${font.family}';font-style:normal;font-display:swap;font-weight:${face.weight};` +
        `src:url(${fileUrl(face.file)}) format('woff2');unicode-range:${face.unicodeRange}}`,
    )
    .join("\n");
}
