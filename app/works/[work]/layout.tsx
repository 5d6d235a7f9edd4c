/**
 * Every page of a work links the style sheets of the scripts its editions are written in (lib/fonts/), so a reader
 * without those fonts installed sees the text, not empty boxes; a font file is fetched only for characters shown.
 */
import { SCRIPT_FONTS_PATH } from "@/lib/fonts/font-files";
import { scriptsToServe } from "@/lib/fonts/script-fonts";
import { loadWork } from "./load-work";

export default async function WorkLayout({ children, params }: { children: React.ReactNode; params: Promise<{ work: string }> }) {
  const work = await loadWork((await params).work);
  const scripts = scriptsToServe([...work.editions, ...work.earlierWitnesses].map((edition) => edition.language));
  return (
    <>
      {scripts.map((script) => (
        <link key={script} rel="stylesheet" href={`${SCRIPT_FONTS_PATH}/${script}.css`} precedence="script-fonts" />
      ))}
      {children}
    </>
  );
}
