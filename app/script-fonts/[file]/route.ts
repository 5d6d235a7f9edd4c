/** The script fonts: `/script-fonts/<script>.css` (e.g. Thai.css) and the woff2 files they name (lib/fonts/). */
import { scriptFontFile, scriptStyleSheetOf } from "@/lib/fonts/font-files";

const CACHE = "public, max-age=604800";

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const sheet = /^([A-Z][a-z]{3})\.css$/.exec(file);
  if (sheet) {
    const css = await scriptStyleSheetOf(sheet[1]);
    if (css !== null) return new Response(css, { headers: { "Content-Type": "text/css; charset=utf-8", "Cache-Control": CACHE } });
  } else if (/^[\w.[\]-]+\.woff2$/.test(file)) {
    const bytes = await scriptFontFile(file);
    if (bytes) return new Response(new Uint8Array(bytes), { headers: { "Content-Type": "font/woff2", "Cache-Control": CACHE } });
  }
  return new Response("No such font.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
