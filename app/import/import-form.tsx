"use client";

import { useRef, useState } from "react";
import type { ImportPreview, ImportResult } from "@/lib/db/import/types";
import { ImportPreviewPanel } from "./import-preview";

export interface ImportTargetEdition {
  slug: string;
  title: string;
  language: string;
  workingTranslation: boolean;
  /** e.g. "Working translation (stands in for the Russian original)"; null when the edition does not stand in for the original. */
  standsIn?: string | null;
}

interface Props {
  /** The import endpoint: /api/works/<work>/import, or /api/works for a new work. */
  endpoint: string;
  /** The work's current editions (whose text may be replaced); absent for a new work. */
  editions?: ImportTargetEdition[];
}

const FORMATS = [
  ["", "detect from the file"],
  ["plain", "Hexapla plain text"],
  ["markdown", "Markdown"],
  ["tei", "TEI P5"],
  ["tmx", "TMX 1.4b"],
  ["csv", "CSV, one column per edition"],
  ["work-json", "Hexapla work export (JSON)"],
] as const;
const ENCODINGS = ["", "utf-8", "utf-16le", "utf-16be", "windows-1251", "koi8-r", "windows-1252", "iso-8859-1", "iso-8859-15"] as const;

interface ErrorAnswer {
  error: { message: string; details?: { line?: number | null; column?: number | null; issues?: { path: string; message: string }[] } };
}

/**
 * Upload → preview → import. The preview writes nothing and the server keeps nothing: the import sends the same
 * file again with the checksum the preview showed. Changing the file or a field discards the preview.
 */
export function ImportForm({ endpoint, editions }: Props) {
  const form = useRef<HTMLFormElement>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<"preview" | "import" | null>(null);
  const [action, setAction] = useState<"add" | "replace">("add");

  async function send(mode: "preview" | "import") {
    if (!form.current) return;
    const data = new FormData(form.current);
    data.set("mode", mode);
    if (mode === "import" && preview) data.set("checksum", preview.checksum);
    setPending(mode);
    setError(null);
    try {
      const response = await fetch(endpoint, { method: "POST", body: data });
      const body = (await response.json()) as { preview?: ImportPreview; result?: ImportResult } & Partial<ErrorAnswer>;
      if (!response.ok || body.error) {
        setError(describeError(body as ErrorAnswer, response.status));
        if (mode === "preview") setPreview(null);
        return;
      }
      if (body.preview) setPreview(body.preview);
      if (body.result) setResult(body.result);
    } catch {
      setError("The server could not be reached; nothing was imported.");
    } finally {
      setPending(null);
    }
  }

  const reset = () => {
    setPreview(null);
    setResult(null);
    setError(null);
  };

  if (result) return <ImportDone result={result} onAgain={reset} />;

  return (
    <>
      <form
        ref={form}
        className="import-form"
        onChange={() => preview && setPreview(null)}
        onSubmit={(event) => {
          event.preventDefault();
          void send("preview");
        }}
      >
        <div className="field">
          <label htmlFor="import-file">Edition file</label>
          <input id="import-file" name="file" type="file" required accept=".txt,.md,.markdown,.xml,.tei,.tmx,.csv,.tsv,.json" aria-describedby="import-file-hint" />
          <p id="import-file-hint" className="hint">
            Plain text, Markdown, TEI P5, TMX, CSV (one column per edition) or a Hexapla work export; at most 20 MB. UTF-8, UTF-16, Windows-1251, KOI8-R,
            Windows-1252 and ISO-8859-1/-15 are recognised.
          </p>
        </div>

        {editions ? (
          <fieldset>
            <legend>What the file is</legend>
            <label className="choice">
              <input type="radio" name="action" value="add" checked={action === "add"} onChange={() => setAction("add")} /> A new edition of this work
            </label>
            <label className="choice">
              <input type="radio" name="action" value="replace" checked={action === "replace"} onChange={() => setAction("replace")} /> The published text of
              an edition already here, replacing its text (the old text is kept as an earlier witness)
            </label>
            {action === "replace" ? (
              <div className="field">
                <label htmlFor="import-replace">Edition to replace</label>
                <select id="import-replace" name="replace" required defaultValue={editions.find((e) => e.workingTranslation)?.slug ?? editions[0]?.slug}>
                  {editions.map((edition) => (
                    <option key={edition.slug} value={edition.slug}>
                      {edition.slug} ({edition.language}) — {edition.title}
                      {edition.standsIn ? ` — ${edition.standsIn.toLowerCase()}` : edition.workingTranslation ? " — working translation" : ""}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
          </fieldset>
        ) : null}

        <fieldset>
          <legend>Provenance</legend>
          <div className="field">
            <label htmlFor="import-provenance">The text is</label>
            <select id="import-provenance" name="provenance" defaultValue="published" aria-describedby="import-provenance-hint">
              <option value="published">a published edition, transcribed</option>
              <option value="imported">imported, provenance not verified</option>
              <option value="working-translation">a working translation (not a published text)</option>
            </select>
            <p id="import-provenance-hint" className="hint">
              What the file itself says wins. You are recorded as the importer, with the date.
            </p>
          </div>
        </fieldset>

        <details>
          <summary>Metadata for files that do not carry it</summary>
          <p className="hint">Leave empty what the file says (front matter, TEI header, TMX languages, CSV column names).</p>
          <div className="field-grid">
            {editions ? null : (
              <>
                <Field name="work" label="Work slug" placeholder="thirst-for-power" />
                <Field name="workTitle" label="Work title" />
                <Field name="author" label="Author" />
              </>
            )}
            <Field name="language" label="Language (BCP 47)" placeholder="fr" />
            {action === "replace" ? null : <Field name="edition" label="Edition slug" placeholder="fr-1937" />}
            <Field name="title" label="Title" />
            <Field name="translator" label="Translator" />
            <Field name="publisher" label="Publisher" />
            <Field name="place" label="Place" />
            <Field name="year" label="Year" inputMode="numeric" placeholder="1937" />
            <div className="field">
              <label htmlFor="import-original">Original or translation</label>
              <select id="import-original" name="original" defaultValue="">
                <option value="">as the file says (else translation)</option>
                <option value="true">the original</option>
                <option value="false">a translation</option>
              </select>
            </div>
            <div className="field">
              <label>
                <input type="checkbox" name="standsInFor" value="original" /> stands in for the original (not the original, but in its place until
                the published original is imported)
              </label>
            </div>
          </div>
        </details>

        <details>
          <summary>Format and encoding</summary>
          <div className="field-grid">
            <div className="field">
              <label htmlFor="import-format">Format</label>
              <select id="import-format" name="format" defaultValue="">
                {FORMATS.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="import-encoding">Encoding</label>
              <select id="import-encoding" name="encoding" defaultValue="">
                {ENCODINGS.map((value) => (
                  <option key={value} value={value}>
                    {value || "detect from the file"}
                  </option>
                ))}
              </select>
            </div>
            {editions ? (
              <label className="choice">
                <input type="checkbox" name="align" value="false" /> Do not align the new text against the pivot
              </label>
            ) : null}
          </div>
        </details>

        <div className="actions">
          <button type="submit" className="button" disabled={pending != null}>
            {pending === "preview" ? "Reading the file…" : "Preview"}
          </button>
        </div>
      </form>

      <div aria-live="polite">
        {error ? (
          <p role="alert" className="error import-error">
            {error}
          </p>
        ) : null}
      </div>

      {preview ? (
        <>
          <ImportPreviewPanel preview={preview} />
          <div className="actions">
            <button type="button" className="button" disabled={pending != null} onClick={() => void send("import")}>
              {pending === "import" ? "Importing…" : preview.unchanged ? "Import (changes nothing)" : "Import"}
            </button>
            <button type="button" className="button secondary" disabled={pending != null} onClick={reset}>
              Cancel
            </button>
          </div>
        </>
      ) : null}
    </>
  );
}

function Field({ name, label, placeholder, inputMode }: { name: string; label: string; placeholder?: string; inputMode?: "numeric" }) {
  const id = `import-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} type="text" placeholder={placeholder} inputMode={inputMode} autoComplete="off" />
    </div>
  );
}

function describeError(body: ErrorAnswer, status: number): string {
  if (!body?.error) return `The server answered HTTP ${status}; nothing was imported.`;
  const issues = body.error.details?.issues?.map((issue) => `${issue.path}: ${issue.message}`).join("; ");
  return `${body.error.message}${issues && !body.error.message.includes(issues) ? ` (${issues})` : ""} Nothing was imported.`;
}

function ImportDone({ result, onAgain }: { result: ImportResult; onAgain: () => void }) {
  const work = result.work.slug;
  const slugs = result.editions.map((e) => e.slug);
  const columns = [...new Set([result.alignment?.reference, ...slugs])]
    .filter((slug): slug is string => slug != null && slug !== result.replaced?.keptAs)
    .slice(0, 5);
  const compareQuery = columns.length >= 2 ? `?editions=${columns.join(",")}` : "";
  return (
    <section className="import-done" aria-labelledby="import-done-heading">
      <h2 id="import-done-heading">{result.status === "created" ? "Imported" : "Nothing changed"}</h2>
      <p role="status">{result.message}</p>
      <div className="actions">
        <a className="button" href={`/works/${work}/compare${compareQuery}`}>
          Open in the compare view
        </a>
        {result.alignment?.mode === "queued" ? (
          <a className="button secondary" href={`/works/${work}/alignment`}>
            Follow the alignment
          </a>
        ) : null}
        {slugs.map((slug) => (
          <a key={slug} className="button secondary" href={`/works/${work}/editions/${slug}`}>
            Edition {slug}
          </a>
        ))}
        <button type="button" className="button secondary" onClick={onAgain}>
          Import another file
        </button>
      </div>
    </section>
  );
}
