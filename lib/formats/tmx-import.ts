/**
 * TMX (1.1–1.4b) importer: each `tu` becomes an aligned row, each `tuv` one segment of the edition of its language
 * (`xml:lang`, or `lang` in TMX 1.1) — or of the edition named by Hexapla's `x-hexapla-edition` property, so that two
 * editions in one language stay apart. A `seg` is kept as one segment even when it holds several sentences.
 * Inline codes (`bpt`, `ept`, `ph`, `it`, `ut`) and sub-flows (`sub`) are dropped; `hi` keeps its text. Without
 * Hexapla's block properties every `tuv` is its own paragraph. An edition whose language equals the header's
 * `srclang` (and is the only one in that language) is taken to be the original unless the caller says otherwise.
 * Hexapla's header property `x-hexapla-edition-meta` (one per edition, JSON) gives an edition's metadata back.
 */
import { BLOCK_KINDS, type BlockKind, type EditionMeta, EditionMetaSchema, ImportError } from "../text/edition-document";
import { AlignedBuilder, rowState, type AlignedDefaults, type AlignedImport, type CellBlock } from "./aligned";
import { assertTextSize } from "../text/limits";
import { languageSlug, sameLanguage } from "./metadata";
import { TMX_PROP } from "./tmx-shared";
import { childElements, collapse, firstChild, isElement, parseXml, textContent, type XmlElement } from "./xml-tree";

const CODES = new Set(["bpt", "ept", "ph", "it", "ut", "sub"]);

function props(element: XmlElement): Map<string, string> {
  return new Map(childElements(element, "prop").map((p) => [p.attrs.type ?? "", collapse(textContent(p))]));
}

function rowStateOf(tuProps: Map<string, string>, file: string, line: number) {
  return rowState({ status: tuProps.get(TMX_PROP.status), confidence: tuProps.get(TMX_PROP.confidence) }, file, line);
}

function segText(seg: XmlElement): string {
  let text = "";
  for (const child of seg.children) {
    if (!isElement(child)) text += child;
    else if (!CODES.has(child.local)) text += segText(child);
  }
  return text;
}

export function parseTmx(text: string, file: string, defaults?: AlignedDefaults): AlignedImport {
  assertTextSize(text, file);
  const root = parseXml(text, file);
  if (root.local !== "tmx") throw new ImportError(file, root.line, `not a TMX document: the root element is <${root.name}>, expected <tmx>`);
  const header = firstChild(root, "header");
  const body = firstChild(root, "body");
  if (body == null) throw new ImportError(file, root.line, "the TMX document has no <body>");
  const units = childElements(body, "tu");
  if (units.length === 0) throw new ImportError(file, body.line, "the TMX <body> holds no translation unit (<tu>)");

  const headerProps = header ? props(header) : new Map<string, string>();
  const workFields: Partial<EditionMeta> = {
    work: headerProps.get(TMX_PROP.work),
    workTitle: headerProps.get(TMX_PROP.workTitle),
    author: headerProps.get(TMX_PROP.author),
  };
  const editionMetas = header ? readEditionMetas(header, file) : new Map<string, Partial<EditionMeta>>();
  const srclang = header?.attrs.srclang;
  const builder = new AlignedBuilder(file);
  const languages = new Map<string, string>();

  for (const tu of units) {
    const row = builder.startRow();
    Object.assign(row, rowStateOf(props(tu), file, tu.line));
    for (const tuv of childElements(tu, "tuv")) {
      const language = tuv.attrs["xml:lang"] ?? tuv.attrs.lang;
      if (!language) throw new ImportError(file, tuv.line, "<tuv> has no xml:lang attribute");
      const tuvProps = props(tuv);
      const slug = tuvProps.get(TMX_PROP.edition) ?? languageSlug(language);
      const known = languages.get(slug);
      if (known == null) {
        builder.addEdition(slug, tuv.line, { ...workFields, ...editionMetas.get(slug), language });
        languages.set(slug, language);
      } else if (!sameLanguage(known, language)) {
        throw new ImportError(file, tuv.line, `edition “${slug}” is in “${known}” elsewhere but this <tuv> says “${language}”`);
      }
      const seg = firstChild(tuv, "seg");
      if (seg == null) throw new ImportError(file, tuv.line, "<tuv> has no <seg>");
      const segment = collapse(segText(seg));
      builder.addCell(row, slug, segment ? [segment] : [], seg.line, cellBlock(tuvProps));
    }
  }
  markOriginal(builder, languages, srclang);
  return builder.finish(defaults);
}

const EditionMetaPropSchema = EditionMetaSchema.omit({ work: true, workTitle: true, author: true }).partial().required({ edition: true });

function readEditionMetas(header: XmlElement, file: string): Map<string, Partial<EditionMeta>> {
  const metas = new Map<string, Partial<EditionMeta>>();
  for (const element of childElements(header, "prop").filter((p) => p.attrs.type === TMX_PROP.editionMeta)) {
    const where = `<prop type="${TMX_PROP.editionMeta}">`;
    let value: unknown;
    try {
      value = JSON.parse(textContent(element));
    } catch {
      throw new ImportError(file, element.line, `${where} does not hold valid JSON`);
    }
    const parsed = EditionMetaPropSchema.safeParse(value);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
      throw new ImportError(file, element.line, `${where} is not valid edition metadata — ${problems}`);
    }
    metas.set(parsed.data.edition, parsed.data);
  }
  return metas;
}

function cellBlock(tuvProps: Map<string, string>): CellBlock {
  const kind = tuvProps.get(TMX_PROP.kind);
  const level = Number(tuvProps.get(TMX_PROP.level));
  return {
    key: tuvProps.get(TMX_PROP.block) ?? null,
    kind: (BLOCK_KINDS as readonly string[]).includes(kind ?? "") ? (kind as BlockKind) : "paragraph",
    level: Number.isInteger(level) && level >= 1 ? level : null,
  };
}

function markOriginal(builder: AlignedBuilder, languages: Map<string, string>, srclang: string | undefined): void {
  if (!srclang || srclang === "*all*") return;
  const matching = [...languages.entries()].filter(([, language]) => sameLanguage(language, srclang));
  if (matching.length === 1) builder.guess(matching[0][0], { original: true });
}
