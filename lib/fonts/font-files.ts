/**
 * Reads the script fonts from the installed `@fontsource` packages (see script-fonts.ts): a script's style sheet,
 * built once per process, and a font file by name — only a file that a served style sheet names, so a request can
 * never read anything else.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { parseFaces, facesToServe, FONT_WEIGHTS, SCRIPT_FONTS, scriptStyleSheet, type FontFace } from "./script-fonts";

/** Where the script fonts are served from (app/script-fonts/[file]/route.ts). */
export const SCRIPT_FONTS_PATH = "/script-fonts";

/* Paths read at run time (turbopackIgnore: the build's file tracer would otherwise take all of node_modules/@fontsource). */
function packageDir(packageName: string): string {
  return path.join(/* turbopackIgnore: true */ process.cwd(), "node_modules", "@fontsource", packageName);
}

const facesOf = new Map<string, Promise<FontFace[]>>();

function packageFaces(packageName: string): Promise<FontFace[]> {
  let faces = facesOf.get(packageName);
  if (!faces) {
    faces = Promise.all(FONT_WEIGHTS.map((weight) => fs.readFile(/* turbopackIgnore: true */ path.join(packageDir(packageName), `${weight}.css`), "utf8"))).then((sheets) =>
      parseFaces(packageName, sheets.join("\n")),
    );
    faces.catch(() => facesOf.delete(packageName));
    facesOf.set(packageName, faces);
  }
  return faces;
}

/** The style sheet of a script (an ISO 15924 code of SCRIPT_FONTS), or null for a script without a font. */
export async function scriptStyleSheetOf(script: string): Promise<string | null> {
  const font = Object.hasOwn(SCRIPT_FONTS, script) ? SCRIPT_FONTS[script] : undefined;
  if (!font) return null;
  return scriptStyleSheet(font, await packageFaces(font.package), (file) => `${SCRIPT_FONTS_PATH}/${file}`);
}

/** The bytes of a served font file, or null when no served style sheet names it. */
export async function scriptFontFile(file: string): Promise<Buffer | null> {
  for (const font of Object.values(SCRIPT_FONTS)) {
    if (!file.startsWith(`${font.package}-`)) continue;
    if (facesToServe(font, await packageFaces(font.package)).some((face) => face.file === file)) {
      return fs.readFile(/* turbopackIgnore: true */ path.join(packageDir(font.package), "files", file));
    }
  }
  return null;
}
