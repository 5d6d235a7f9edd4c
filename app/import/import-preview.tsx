import type { EditionSummary, ImportPreview } from "@/lib/db/import/types";
import { provenanceKind, roleLabel } from "@/lib/editions/provenance";
import { isConfidentEncoding } from "@/lib/formats/encoding-confidence";

const KINDS = ["heading", "paragraph", "blockquote", "dateline", "note"] as const;

const ACTION: Record<ImportPreview["action"], string> = {
  add: "Add a new edition",
  replace: "Replace an edition's text",
  aligned: "Add aligned editions (rows from the file)",
  work: "Import a whole work",
};

function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

/** What an import would do, shown before anything is written. */
export function ImportPreviewPanel({ preview }: { preview: ImportPreview }) {
  const { encoding } = preview;
  return (
    <section className="import-preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading">Preview of {preview.file}</h2>
      {preview.unchanged ? (
        <p className="provenance-box published" role="status">
          This file was imported before: importing it again changes nothing.
        </p>
      ) : null}
      {isConfidentEncoding(encoding) ? null : (
        <p className="provenance-box encoding-warning" role="alert" data-testid="encoding-warning">
          <strong>Check the encoding.</strong> It was guessed, not recognised: {encoding.encoding} with {percent(encoding.confidence)} confidence. If the
          sentences below do not read correctly, choose the file&apos;s encoding under “Format and encoding” and preview again; importing a wrong
          guess stores garbled text. The command line refuses such a file unless its encoding is named.
        </p>
      )}
      <dl className="meta">
        <dt>Format</dt>
        <dd data-testid="preview-format">{preview.format}</dd>
        <dt>Encoding</dt>
        <dd data-testid="preview-encoding">
          {encoding.encoding}
          {encoding.hadBom ? " with byte order mark" : ""} —{" "}
          {encoding.declared ? "as you chose" : encoding.confidence >= 1 ? "certain" : `detected, confidence ${percent(encoding.confidence)}; check the text below reads correctly`}
        </dd>
        <dt>Work</dt>
        <dd>
          {preview.work.title} ({preview.work.slug}){preview.work.exists ? "" : " — a new work"}
        </dd>
        <dt>What happens</dt>
        <dd>
          {ACTION[preview.action]}
          {preview.replaces ? (
            <>
              : “{preview.replaces.title}” ({preview.replaces.slug}, {preview.replaces.provenance.replace("_", " ")}) gets the new text; its old
              text stays as the earlier witness <strong>{preview.replaces.keptAs}</strong>
            </>
          ) : null}
        </dd>
        <dt>Alignment</dt>
        <dd data-testid="preview-alignment">{preview.alignment.note}</dd>
        {preview.rows != null ? (
          <>
            <dt>Rows</dt>
            <dd>{preview.rows}</dd>
          </>
        ) : null}
        {preview.variants != null ? (
          <>
            <dt>Variants</dt>
            <dd>{preview.variants}</dd>
          </>
        ) : null}
        <dt>Checksum</dt>
        <dd>
          <code>{preview.checksum.slice(0, 16)}…</code>
        </dd>
      </dl>
      {preview.notes.length > 0 ? (
        <ul className="import-notes">
          {preview.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
      {preview.editions.map((edition) => (
        <EditionPreview key={edition.meta.edition} edition={edition} />
      ))}
    </section>
  );
}

function EditionPreview({ edition }: { edition: EditionSummary }) {
  const { meta, stats, warnings, firstBlocks } = edition;
  const id = `edition-${meta.edition}`;
  return (
    <section className="import-edition" aria-labelledby={id}>
      <h3 id={id}>
        <span lang={meta.language}>{meta.title}</span> <span className="lede">({meta.edition}, {meta.language})</span>
      </h3>
      <dl className="meta">
        <dt>Provenance</dt>
        <dd>
          <span className={meta.provenance === "working-translation" ? "badge badge-working" : meta.provenance === "published" ? "badge badge-published" : "badge badge-imported"}>
            {meta.provenance === "working-translation" ? "Working translation (not the published text)" : meta.provenance === "published" ? "Published text" : "Imported"}
          </span>
        </dd>
        <dt>Original or translation</dt>
        <dd>{roleLabel({ ...meta, provenance: provenanceKind(meta.provenance), isOriginal: meta.original })}</dd>
        <dt>Translator</dt>
        <dd>{meta.translator ?? "—"}</dd>
        <dt>Published</dt>
        <dd>{[meta.publisher, meta.place, meta.year].filter((v) => v != null).join(", ") || "—"}</dd>
        {meta.source ? (
          <>
            <dt>Source</dt>
            <dd>{meta.source}</dd>
          </>
        ) : null}
      </dl>
      <table className="corrections import-counts">
        <caption>Segmentation of {meta.edition}</caption>
        <thead>
          <tr>
            <th scope="col">Kind</th>
            <th scope="col">Blocks</th>
            <th scope="col">Sentences</th>
          </tr>
        </thead>
        <tbody>
          {KINDS.filter((kind) => stats.byKind[kind].blocks > 0).map((kind) => (
            <tr key={kind}>
              <th scope="row">{kind === "paragraph" ? "paragraphs" : `${kind}s`}</th>
              <td>{stats.byKind[kind].blocks}</td>
              <td>{stats.byKind[kind].sentences}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">all text</th>
            <td data-testid={`blocks-${meta.edition}`}>{stats.blocks}</td>
            <td data-testid={`sentences-${meta.edition}`}>{stats.sentences}</td>
          </tr>
          {stats.apparatus.blocks > 0 ? (
            <tr>
              <th scope="row">apparatus (notes, introduction)</th>
              <td>{stats.apparatus.blocks}</td>
              <td>{stats.apparatus.sentences}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
      {stats.longestSentence ? (
        <p className="lede">
          Sentences average {stats.averageSentenceLength} characters; the longest ({stats.longestSentence.length}, line {stats.longestSentence.line}) may be a
          missed sentence break.
        </p>
      ) : null}
      <h4>First blocks</h4>
      <ol className="import-blocks" lang={meta.language}>
        {firstBlocks.map((block, index) => (
          <li key={index}>
            <span className="lede" lang="en">
              line {block.line} · {block.kind}
              {block.level ? ` ${block.level}` : ""}
            </span>
            <ul>
              {block.sentences.map((sentence, i) => (
                <li key={i}>{sentence}</li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
      <h4>Warnings</h4>
      {warnings.length === 0 ? (
        <p>No signs of damage (words run together, page numbers, mixed scripts, stray characters) were found.</p>
      ) : (
        <ul className="import-warnings" data-testid={`warnings-${meta.edition}`}>
          {warnings.map((warning, i) => (
            <li key={i}>
              <strong>line {warning.line}</strong>: {warning.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
