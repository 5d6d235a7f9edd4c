/**
 * The OpenAPI 3.1 description of Hexapla's HTTP API, served at /api/openapi.json. Request bodies and query
 * parameters come from the zod schemas the route handlers validate with (z.toJSONSchema), so the description
 * cannot drift from the validation; openapi.test.ts checks that every route handler under app/api is described
 * and that every described path has a handler.
 */
import { WordLinkEditSchema } from "../db/words/edit-word-links";
import { GlossaryRequestSchema } from "../db/words/glossary";
import { z } from "zod";
import { CiteQuerySchema } from "../db/cite/read-citation";
import { PdfRequestSchema } from "../db/print/pdf-exports";
import { ExportWorkPayloadSchema } from "../db/jobs/kinds/export-work";
import { AlignPreviewQuerySchema, AlignRequestSchema } from "../db/alignment/align-request";
import { BookmarkRequestSchema, OperationRequestSchema, RevertRequestSchema, TextEditRequestSchema, UndoRequestSchema } from "../db/grid/operation-request";
import { CreateVariantSchema, UpdateVariantSchema, VariantFilterSchema } from "../variants/variant-schemas";
import { ROLES } from "../auth/roles";
import { MAX_IMPORT_BYTES, MAX_IMPORT_SEGMENTS } from "../formats";
import {
  ApiTokenSchema,
  CreateApiTokenSchema,
  CreatedApiTokenSchema,
  EditionDetailSchema,
  EditionInfoSchema,
  ErrorSchema,
  EXPORT_KINDS,
  ExportQuerySchema,
  GridQuerySchema,
  ImportFormSchema,
  JournalQuerySchema,
  PAGE_LIMIT_MAX,
  SearchQuerySchema,
  VariantsQuerySchema,
  RowPageSchema,
  RowsQuerySchema,
  WordLinksQuerySchema,
  SegmentPageSchema,
  SegmentsQuerySchema,
  WorkInfoSchema,
  WorkQuerySchema,
} from "./schemas";

type JsonSchema = Record<string, unknown>;

function schemaOf(schema: z.ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  delete json.$schema;
  return json;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

interface Parameter {
  name: string;
  in: "path" | "query";
  required: boolean;
  description?: string;
  schema: JsonSchema;
}

function pathParams(path: string): Parameter[] {
  const descriptions: Record<string, string> = {
    work: "the work's slug, e.g. thirst-for-power",
    edition: "the edition's slug, e.g. fr",
    segment: "the segment's id",
    revision: "the revision's id",
    variant: "the variant's id",
    user: "the user's id",
    token: "the token's id",
    kind: "what to export",
    job: "the job's id",
    entry: "the journal entry's id",
    all: "the authentication library's endpoint, e.g. sign-in/email, sign-out, get-session",
  };
  return [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: "path",
    required: true,
    description: descriptions[name],
    schema: name === "kind" ? { type: "string", enum: [...EXPORT_KINDS] } : { type: "string" },
  }));
}

/** Query parameters from a zod object schema: one per key, required when the schema refuses a missing value. */
function queryParams(schema: z.ZodObject): Parameter[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const json = schemaOf(field as z.ZodType);
    const { description, ...rest } = json;
    return {
      name,
      in: "query",
      required: !(field as z.ZodType).safeParse(undefined).success,
      ...(typeof description === "string" ? { description } : {}),
      schema: rest,
    };
  });
}

const jsonContent = (schema: JsonSchema) => ({ "application/json": { schema } });

const errors = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((status) => [
      String(status),
      {
        description: {
          401: "not signed in (or reading needs signing in)",
          403: "signed in without the role this needs",
          404: "no such work, edition or item",
          409: "conflict: a taken slug, an existing alignment, or a stale version",
          413: "the file is over the import limit",
          415: "the body is not multipart/form-data",
          422: "invalid request, or a file that failed validation (details name the file, line and column)",
        }[status],
        content: jsonContent(ref("Error")),
      },
    ]),
  );

interface OperationSpec {
  summary: string;
  description?: string;
  tags: string[];
  query?: z.ZodObject;
  extraQuery?: Parameter[];
  body?: JsonSchema;
  bodyType?: string;
  responses: Record<string, unknown>;
  /** Who may call it: a role, "reader" (everyone while reading is public) or "session" (a signed-in browser). */
  access: "reader" | "session" | "signed-in" | (typeof ROLES)[number] | "public";
}

function operation(path: string, spec: OperationSpec) {
  const parameters = [...pathParams(path), ...(spec.query ? queryParams(spec.query) : []), ...(spec.extraQuery ?? [])];
  const access = {
    public: "Anyone.",
    reader: "Anyone while reading is public (the default); otherwise signed-in users.",
    session: "A signed-in browser session.",
    "signed-in": "Signed-in users, and API tokens of any scope.",
    scholar: "Signed-in users with the scholar, editor or admin role (API tokens: write or admin scope).",
    editor: "Editors and admins (API tokens: write or admin scope).",
    admin: "Admins (API tokens: only with the admin scope).",
  }[spec.access];
  return {
    summary: spec.summary,
    description: [spec.description, `Access: ${access}`].filter(Boolean).join("\n\n"),
    tags: spec.tags,
    ...(parameters.length ? { parameters } : {}),
    ...(spec.body ? { requestBody: { required: true, content: { [spec.bodyType ?? "application/json"]: { schema: spec.body } } } } : {}),
    responses: spec.responses,
    ...(spec.access === "public" ? { security: [] } : {}),
  };
}

const ok = (description: string, schema?: JsonSchema, status = "200") => ({ [status]: { description, ...(schema ? { content: jsonContent(schema) } : {}) } });
const anyJson: JsonSchema = { type: "object" };

const importForm: JsonSchema = {
  type: "object",
  required: ["file"],
  properties: {
    file: { type: "string", contentMediaType: "application/octet-stream", description: `the edition file (at most ${MAX_IMPORT_BYTES / (1024 * 1024)} MiB and ${MAX_IMPORT_SEGMENTS} segments)` },
    ...(schemaOf(ImportFormSchema).properties as JsonSchema),
  },
};

const importResponses = {
  ...ok("mode=preview: what the import would do; nothing is written", { type: "object", properties: { preview: ref("ImportPreview") } }),
  ...ok("mode=import: imported", { type: "object", properties: { result: ref("ImportResult") } }, "201"),
  ...errors(401, 403, 404, 409, 413, 415, 422),
};

const importDescription =
  "Formats: Hexapla's plain text, Markdown, TEI P5, TMX 1.4b, CSV (one column per edition) and the full-work JSON; encodings UTF-8 (±BOM), UTF-16, Windows-1251, KOI8-R, Windows-1252, ISO-8859-1/-15, detected unless given. " +
  "Preview first (mode=preview), then send the same file with mode=import and the preview's checksum. The preview keeps nothing on the server. A file that fails validation writes nothing.";

function paths() {
  const p: Record<string, Record<string, unknown>> = {};
  const add = (path: string, method: string, spec: OperationSpec) => {
    p[path] = { ...p[path], [method]: operation(path, spec) };
  };
  const works = ["works"];
  const interchange = ["import and export"];
  const grid = ["grid (alignment editor)"];

  add("/api/openapi.json", "get", { summary: "This document", tags: ["meta"], access: "public", responses: ok("the OpenAPI document", anyJson) });
  add("/api/auth/{all}", "get", { summary: "Session (Better Auth), e.g. get-session", tags: ["accounts"], access: "public", responses: ok("see the library's documentation", anyJson) });
  add("/api/auth/{all}", "post", {
    summary: "Sign in and out (Better Auth)",
    description:
      "POST /api/auth/sign-in/email with { email, password } sets the session cookie; POST /api/auth/sign-out ends it. Sign-ins are limited per account (after 5 failures the account is locked for a while that doubles with each further failure; 429 with Retry-After) and per client address where the deployment names a trusted header. A disabled account gets 403.",
    tags: ["accounts"],
    access: "public",
    body: { type: "object" },
    responses: ok("see the library's documentation", anyJson),
  });

  add("/api/tokens", "get", { summary: "Your API tokens", tags: ["accounts"], access: "signed-in", responses: { ...ok("the tokens (never the secrets)", { type: "object", properties: { tokens: { type: "array", items: ref("ApiToken") } } }), ...errors(401) } });
  add("/api/tokens", "post", {
    summary: "Create an API token",
    description:
      "The answer holds the token once; send it as `Authorization: Bearer <token>`. Only a browser session may create tokens. Every token expires (after 90 days unless `expiresInDays` says fewer, or the server is configured otherwise). `scope`: `read` only reads; `write` (default) does what your role allows except managing users and settings; `admin` (admins only) does everything your role allows.",
    tags: ["accounts"],
    access: "session",
    body: schemaOf(CreateApiTokenSchema),
    responses: { ...ok("created", ref("CreatedApiToken"), "201"), ...errors(401, 403, 409, 422) },
  });
  add("/api/tokens/{token}", "delete", { summary: "Revoke an API token", tags: ["accounts"], access: "scholar", responses: { "204": { description: "revoked" }, ...errors(401, 404) } });

  add("/api/admin/settings", "get", { summary: "Instance settings", tags: ["admin"], access: "admin", responses: { ...ok("settings", anyJson), ...errors(401, 403) } });
  add("/api/admin/settings", "put", {
    summary: "Change instance settings",
    tags: ["admin"],
    access: "admin",
    body: { type: "object", required: ["readingPublic"], properties: { readingPublic: { type: "boolean" } }, additionalProperties: false },
    responses: { ...ok("saved", anyJson), ...errors(401, 403, 422) },
  });
  add("/api/admin/users", "get", {
    summary: "Every account",
    description: "Each with its role, whether it is disabled, its open sessions, and its API tokens with their scope, expiry and when each was last used.",
    tags: ["admin"],
    access: "admin",
    responses: { ...ok("users", anyJson), ...errors(401, 403) },
  });
  add("/api/admin/users", "post", {
    summary: "Create an account",
    tags: ["admin"],
    access: "admin",
    body: { type: "object", required: ["email", "name", "role", "password"], properties: { email: { type: "string", format: "email" }, name: { type: "string" }, role: { enum: [...ROLES] }, password: { type: "string", minLength: 10 } } },
    responses: { ...ok("created", anyJson, "201"), ...errors(401, 403, 409, 422) },
  });
  add("/api/admin/users/{user}", "patch", {
    summary: "Change a user's role, or disable or enable the account",
    description:
      "`disabled: true` signs the user out everywhere at once, refuses their API tokens and any sign-in until `disabled: false`. An admin cannot disable themselves; the last enabled admin can be neither demoted nor disabled.",
    tags: ["admin"],
    access: "admin",
    body: { type: "object", properties: { role: { enum: [...ROLES] }, disabled: { type: "boolean" } }, additionalProperties: false },
    responses: { ...ok("changed", anyJson), ...errors(401, 403, 404, 409, 422) },
  });
  add("/api/admin/users/{user}/revoke", "post", {
    summary: "Sign a user out everywhere and/or revoke all their API tokens",
    tags: ["admin"],
    access: "admin",
    body: { type: "object", properties: { sessions: { type: "boolean" }, tokens: { type: "boolean" } }, additionalProperties: false },
    responses: { ...ok("how many sessions and tokens ended", { type: "object", properties: { sessions: { type: "integer" }, tokens: { type: "integer" } } }), ...errors(401, 403, 404, 422) },
  });

  add("/api/works", "get", { summary: "Works", tags: works, access: "reader", responses: { ...ok("every work with its current editions", { type: "object", properties: { works: { type: "array", items: ref("Work") } } }), ...errors(401) } });
  add("/api/works", "post", { summary: "Import a new work", description: importDescription, tags: interchange, access: "editor", body: importForm, bodyType: "multipart/form-data", responses: importResponses });
  add("/api/works/{work}", "get", { summary: "A work", tags: works, access: "reader", query: WorkQuerySchema, responses: { ...ok("the work", ref("Work")), ...errors(401, 404, 422) } });
  add("/api/works/{work}/editions", "get", {
    summary: "A work's editions",
    tags: works,
    access: "reader",
    query: WorkQuerySchema,
    responses: { ...ok("editions with provenance", { type: "object", properties: { work: { type: "string" }, editions: { type: "array", items: ref("Edition") } } }), ...errors(401, 404, 422) },
  });
  add("/api/works/{work}/editions/{edition}", "get", { summary: "An edition", tags: works, access: "reader", responses: { ...ok("the edition", ref("EditionDetail")), ...errors(401, 404) } });
  add("/api/works/{work}/segments", "get", { summary: "An edition's segments, paged", tags: works, access: "reader", query: SegmentsQuerySchema, responses: { ...ok("a page", ref("SegmentPage")), ...errors(401, 404, 422) } });
  add("/api/works/{work}/word-links", "get", {
    summary: "Word links of a range of rows",
    tags: works,
    access: "reader",
    query: WordLinksQuerySchema,
    description:
      "Which words of one edition render which words of another, row by row. JSON: each row's segments per edition (`segment` id, `length` of its text) with their words (`words`: start and end offsets in the segment's text, note references left out) and, per pair of the chosen editions, `links` as space-separated `i-j` (word i of the first edition's cell, word j of the second's, counted from 0 across the cell's segments) with their probabilities `p` and the pair's status (automatic, edited, confirmed). format=pharaoh (exactly two editions): one text line per row, the `i-j` links only.",
    responses: { ...ok("the rows' words and links (JSON) or Pharaoh lines (text/plain)", anyJson), ...errors(401, 404, 422) },
  });
  add("/api/works/{work}/cite", "get", {
    summary: "Cite a passage",
    tags: works,
    access: "reader",
    query: CiteQuerySchema,
    description:
      "The rows asked for (numbered as today) in every chosen edition: `passages` (each edition's text), `text` (the quotations, the reference and the link, as plain text), `reference` and `references` (one common style; a working translation is cited as one, never with the imprint of the edition it stands in for), `bibtex` and `csl` (CSL-JSON items) for the editions, and `link`: a stable link keyed by the passage's segments, so it survives re-alignment (GET /works/{work}/passage/{segment} sends to the rows that hold them today).",
    responses: { ...ok("the citation in every format", anyJson), ...errors(401, 404, 422) },
  });
  add("/api/works/{work}/word-links", "post", {
    summary: "Link, unlink or confirm the words of a row",
    tags: grid,
    access: "editor",
    body: schemaOf(WordLinkEditSchema),
    description:
      "Changes the word links of one row between editions `a` and `b` (`links` as [i, j]: word i of a's cell, word j of b's). Journalled with its inverse (undo/redo like any grid change); `baseVersion` is the grid version the editor saw: 409 when the row changed since. Edited and confirmed links are kept when the word aligner runs again.",
    responses: { ...ok("the new grid version and the changes since baseVersion", anyJson), ...errors(401, 403, 404, 409, 422) },
  });
  add("/api/works/{work}/glossary", "post", {
    summary: "Add term pairs to the work's glossary",
    tags: grid,
    access: "editor",
    body: schemaOf(GlossaryRequestSchema),
    description:
      "`tsv`: one term pair per line, term in languageA, a tab, term in languageB, an optional note after another tab. The word aligner uses the glossary from its next run. A file with a bad line adds nothing (422 naming the line); pairs already there are skipped.",
    responses: { ...ok("how many pairs were added", anyJson), ...errors(401, 403, 404, 422) },
  });
  add("/api/works/{work}/rows", "get", { summary: "The grid's rows, paged", tags: works, access: "reader", query: RowsQuerySchema, responses: { ...ok("a page of rows with their cells and variants", ref("RowPage")), ...errors(401, 404, 422) } });
  add("/api/works/{work}/import", "post", {
    summary: "Import an edition into the work, or replace an edition's text",
    description: `${importDescription} With action=replace, the new text becomes the edition's text and the old one stays as an earlier witness; the new text is aligned against the pivot and the other editions' rows (confirmed ones included) stay as they are.`,
    tags: interchange,
    access: "editor",
    body: importForm,
    bodyType: "multipart/form-data",
    responses: importResponses,
  });
  add("/api/works/{work}/export/{kind}", "get", {
    summary: "Export the work",
    description:
      "tei-edition (?edition=): TEI P5 of one edition with stable xml:ids; tei-alignment: stand-off linkGrp/link with xtargets and status; tei-parallel: parallel segmentation; tmx: TMX 1.4b, one tu per row; grid-csv, grid-json; variants-csv, variants-json; work-json: everything, re-importable. A working translation is labelled as such in every export. The file is streamed as it is read. An export larger than the server's limit (HEXAPLA_EXPORT_JOB_CELLS cells: rows × editions written, variants × editions for the register) is not written on the request: it is queued as an export-work job and answered 202 with the job (Location: its URL); download the file from /api/works/{work}/exports/{job} once the job is done.",
    tags: interchange,
    access: "reader",
    query: ExportQuerySchema,
    responses: {
      "200": {
        description: "the file (Content-Disposition: attachment)",
        content: { "application/tei+xml": { schema: { type: "string" } }, "application/xml": { schema: { type: "string" } }, "text/csv": { schema: { type: "string" } }, "application/json": { schema: anyJson } },
      },
      ...ok("a large export, queued as a job: `{ job, message }`", anyJson, "202"),
      ...errors(401, 404, 409, 422),
    },
  });
  add("/api/works/{work}/exports", "post", {
    summary: "Export the work as a job",
    description:
      "Queues an export (`kind`, and `edition` or `editions` as for GET /api/works/{work}/export/{kind}) as an export-work job, whatever its size, and answers 202 with the job (Location: its URL). Follow it with GET /api/works/{work}/jobs/{job} (progress, message; once done, `result` names the file, its size, SHA-256 and `expiresAt`, until when it is kept) and download it from /api/works/{work}/exports/{job}. Asking for the export being made gives its job; 409 while another export of the work is being made. Whoever asked (signed in) and editors may cancel it (POST /api/works/{work}/jobs/{job}/cancel).",
    tags: interchange,
    access: "reader",
    body: schemaOf(ExportWorkPayloadSchema),
    responses: { ...ok("the job, queued (or the same export already under way)", anyJson, "202"), ...errors(401, 404, 409, 422) },
  });
  add("/api/works/{work}/exports/{job}", "get", {
    summary: "Download an export made by a job",
    description:
      "The file an export-work job made (Content-Disposition: attachment; Content-Length; X-Content-SHA256), streamed from the database; 404 before the job is done and after the file expired (HEXAPLA_EXPORT_KEEP_HOURS, 24 by default: the job's result says until when).",
    tags: interchange,
    access: "reader",
    responses: {
      "200": {
        description: "the file",
        content: { "application/tei+xml": { schema: { type: "string" } }, "application/xml": { schema: { type: "string" } }, "text/csv": { schema: { type: "string" } }, "application/json": { schema: anyJson } },
      },
      ...errors(401, 404),
    },
  });

  add("/api/works/{work}/align", "get", {
    summary: "What an alignment would change, before it runs",
    description:
      "How many rows the run may change, how many confirmed rows it keeps, the editions not in the grid yet, whether a re-alignment would be refused, and a message for the confirmation step. Counts only: the aligner does not run.",
    tags: grid,
    access: "editor",
    query: AlignPreviewQuerySchema,
    responses: { ...ok("the preview", anyJson), ...errors(401, 403, 404, 422) },
  });
  add("/api/works/{work}/pdf", "post", {
    summary: "Print a parallel edition as PDF",
    description:
      "Queues the printing of the chosen editions (2 to 5, in column order) and rows (from–to; default all) as a PDF — columns side by side, row numbers, each edition's title, provenance and imprint in the header, the app's fonts embedded, no row split across pages when it fits — and answers 202 with the job (Location: its URL). Download the file from /api/works/{work}/pdf/{job} once the job is done. 409 while another PDF of the work is being made.",
    tags: interchange,
    access: "reader",
    body: schemaOf(PdfRequestSchema),
    responses: { ...ok("the job, queued", anyJson, "202"), ...errors(401, 404, 409, 422) },
  });
  add("/api/works/{work}/pdf/{job}", "get", {
    summary: "Download a PDF",
    description: "The PDF an export-pdf job made (Content-Disposition: attachment); 404 before it is done, and after newer PDFs of the work replaced it (the latest five are kept).",
    tags: interchange,
    access: "reader",
    responses: { "200": { description: "the PDF", content: { "application/pdf": { schema: { type: "string", format: "binary" } } } }, ...errors(401, 404) },
  });
  add("/api/works/{work}/align", "post", {
    summary: "Align the work automatically",
    description:
      "Both modes keep confirmed rows and align the rows between them around the pivot; mode=align also runs when an edition is not in the grid yet, and then aligns the whole work afresh, confirmed rows included (mode=realign is then refused). The grid the run replaces is kept with its journal entry and can be restored (POST /api/works/{work}/journal/{entry}/restore). Queues the alignment for a worker and answers 202 with the job at once (Location: its URL); 409 while another alignment of the work is queued or running.",
    tags: grid,
    access: "editor",
    body: schemaOf(AlignRequestSchema),
    responses: { ...ok("the job, started", anyJson, "202"), ...errors(401, 403, 404, 409, 422) },
  });
  add("/api/works/{work}/align/{job}", "get", {
    summary: "An alignment job (the same as /api/works/{work}/jobs/{job})",
    tags: grid,
    access: "reader",
    responses: { ...ok("the job", anyJson), ...errors(401, 404) },
  });
  add("/api/works/{work}/jobs/{job}", "get", {
    summary: "A job of the work",
    description:
      "Heavy work (aligning, aligning a long import, computing row signals) runs as jobs on workers. Kind, status (queued, running, done, failed, cancelled), progress from 0 to 1, message, who asked, attempts and, once done, its result; `waitingForWorker` when it is queued and no worker is running.",
    tags: grid,
    access: "reader",
    responses: { ...ok("the job", anyJson), ...errors(401, 404) },
  });
  add("/api/works/{work}/jobs/{job}/cancel", "post", {
    summary: "Cancel a job",
    description: "Cancels a queued or running job; whatever it was about to write is not written. Editors cancel any job; a signed-in user who asked for an export job (export-work) may cancel it. 409 when it has already finished.",
    tags: grid,
    access: "scholar",
    responses: { ...ok("the job, cancelled", anyJson), ...errors(401, 403, 404, 409) },
  });
  add("/api/works/{work}/grid", "get", {
    summary: "The grid with its version, a page of rows at a time",
    description: "`{ workId, version, editions, rows, next }`; pass `next` as `cursor` for the next page (null on the last). Every page carries the grid version: a client that sees it change between pages starts again.",
    tags: grid,
    access: "reader",
    query: GridQuerySchema,
    responses: { ...ok("a page of the grid", anyJson), ...errors(401, 404, 422) },
  });
  add("/api/works/{work}/journal", "get", {
    summary: "The journal, newest first, a page at a time",
    description: "Every change to the grid and the text, with who made it and when, filtered by user, kind and date (YYYY-MM-DD). `restorable`: the entry (an alignment run, an import, a restore) kept the grid it replaced; `snapshotPruned`: it kept it, but the snapshot is no longer kept (retention policy), so it cannot be restored.",
    tags: grid,
    access: "reader",
    query: JournalQuerySchema,
    responses: { ...ok("`{ entries, rowNumbers, next }`", anyJson), ...errors(401, 404, 422) },
  });
  add("/api/works/{work}/journal/{entry}/restore", "post", {
    summary: "Restore the grid a journal entry replaced",
    description:
      "Puts back the grid as it was before an alignment run, an import (removing the edition it added) or a restore, from the snapshot kept with the entry. Journalled as a restore with a snapshot of its own, so it can be restored in turn. 409, changing nothing, when later changes stand in the way (corrected text, split or merged sentences, variants, corrections or edited word links of an edition it would remove); 422 for an entry that keeps no snapshot.",
    tags: grid,
    access: "editor",
    responses: { ...ok("what was restored", anyJson), ...errors(401, 403, 404, 409, 422) },
  });
  add("/api/works/{work}/grid/changes", "get", {
    summary: "What changed since a version",
    tags: grid,
    access: "reader",
    extraQuery: [{ name: "since", in: "query", required: true, description: "the grid version the client holds", schema: { type: "integer", minimum: 0 } }],
    responses: { ...ok(`rows to replace, insert and remove, or \`full\` (load the grid again, a page at a time): also when more than ${PAGE_LIMIT_MAX} rows changed`, anyJson), ...errors(401, 404, 422) },
  });
  add("/api/works/{work}/grid/outline", "get", {
    summary: "Every row without its text",
    description: "For each row in reading order: `[id, version, confirmed (0 or 1), confidence, segments per edition]`, the editions being those of `e`, in that order.",
    tags: grid,
    access: "reader",
    extraQuery: [{ name: "e", in: "query", required: true, description: "edition ids, comma-separated (1 to 40)", schema: { type: "string" } }],
    responses: { ...ok("the version, the edition ids and the rows", anyJson), ...errors(401, 404, 422) },
  });
  add("/api/works/{work}/grid/rows", "get", {
    summary: "Rows with their text",
    description: "The named rows in reading order, with the cells of the editions of `e`: how the editor fetches rows as they come into view.",
    tags: grid,
    access: "reader",
    extraQuery: [
      { name: "ids", in: "query", required: true, description: "row ids, comma-separated (1 to 200)", schema: { type: "string" } },
      { name: "e", in: "query", required: true, description: "edition ids, comma-separated (1 to 40)", schema: { type: "string" } },
    ],
    responses: { ...ok("the version and the rows", anyJson), ...errors(401, 404, 422) },
  });
  add("/api/works/{work}/grid/events", "get", {
    summary: "Live grid changes (Server-Sent Events)",
    description:
      "Events: `ready` (the current version: on connect and when the database is back after an outage; fetch what you missed from grid/changes), `change`, `unavailable` (the database cannot be reached; the stream stays open), `denied` (reading is no longer allowed; closed), `idle` (no change for HEXAPLA_STREAM_IDLE_MINUTES; closed). While the database is down a new stream is answered 200 with `retry:` and `unavailable`, then ended, so EventSource retries.",
    tags: grid,
    access: "reader",
    responses: {
      "200": { description: "an event stream", content: { "text/event-stream": { schema: { type: "string" } } } },
      ...errors(401, 404),
      "429": { description: "this user (or address) holds as many streams as it may (HEXAPLA_STREAMS_PER_CLIENT); see Retry-After", content: { "application/json": { schema: anyJson } } },
      "503": { description: "the server holds as many streams as it allows (HEXAPLA_STREAMS_MAX, or the anonymous share); see Retry-After", content: { "application/json": { schema: anyJson } } },
    },
  });
  add("/api/works/{work}/grid/operations", "post", {
    summary: "Apply a grid operation",
    description: "Merge or split rows, move cells, confirm, split or merge segments. `baseVersion` is the grid version the editor saw; 409 with what changed when the rows concerned changed since.",
    tags: grid,
    access: "editor",
    body: schemaOf(OperationRequestSchema),
    responses: { ...ok("the new version and the changes", anyJson), ...errors(401, 403, 404, 409, 422) },
  });
  add("/api/works/{work}/grid/undo", "post", { summary: "Undo your latest change", tags: grid, access: "editor", body: schemaOf(UndoRequestSchema), responses: { ...ok("undone", anyJson), ...errors(401, 403, 404, 409, 422) } });
  add("/api/works/{work}/grid/redo", "post", { summary: "Redo your latest undo", tags: grid, access: "editor", body: schemaOf(UndoRequestSchema), responses: { ...ok("redone", anyJson), ...errors(401, 403, 404, 409, 422) } });
  add("/api/works/{work}/grid/bookmarks", "get", { summary: "Your bookmarked rows", tags: grid, access: "scholar", responses: { ...ok("bookmarks", anyJson), ...errors(401, 404) } });
  add("/api/works/{work}/grid/bookmarks", "post", { summary: "Set or clear a bookmark", tags: grid, access: "scholar", body: schemaOf(BookmarkRequestSchema), responses: { ...ok("bookmarks", anyJson), ...errors(401, 404, 422) } });
  add("/api/works/{work}/segments/{segment}", "get", { summary: "A segment with its revisions", tags: grid, access: "reader", responses: { ...ok("the segment", anyJson), ...errors(401, 404) } });
  add("/api/works/{work}/segments/{segment}/text", "put", {
    summary: "Correct a segment's text",
    tags: grid,
    access: "editor",
    body: schemaOf(TextEditRequestSchema),
    responses: { ...ok("the new revision", anyJson), ...errors(401, 403, 404, 409, 422) },
  });
  add("/api/works/{work}/segments/{segment}/revisions/{revision}/revert", "post", {
    summary: "Revert a revision",
    tags: grid,
    access: "editor",
    body: schemaOf(RevertRequestSchema),
    responses: { ...ok("reverted", anyJson), ...errors(401, 403, 404, 409, 422) },
  });

  const variants = ["variants"];
  add("/api/works/{work}/search", "get", {
    summary: "Full-text and name search",
    tags: works,
    access: "reader",
    description: "Rows with hits in reading order, a page at a time: `next` (null on the last page) goes back as `cursor`.",
    query: SearchQuerySchema,
    responses: { ...ok("hits grouped by row", anyJson), ...errors(401, 404, 422) },
  });
  add("/api/works/{work}/variants", "get", {
    summary: "The variant register, a page at a time",
    description: "`{ variants, next }` in reading order of their rows; `next` (null on the last page) goes back as `cursor`.",
    tags: variants,
    access: "reader",
    query: VariantsQuerySchema,
    responses: { ...ok("variants", anyJson), ...errors(401, 404, 422) },
  });
  add("/api/works/{work}/variants", "post", { summary: "Record a variant", tags: variants, access: "scholar", body: schemaOf(CreateVariantSchema), responses: { ...ok("recorded", anyJson, "201"), ...errors(401, 403, 404, 422) } });
  add("/api/works/{work}/variants/{variant}", "get", { summary: "A variant", tags: variants, access: "reader", responses: { ...ok("the variant", anyJson), ...errors(401, 404) } });
  add("/api/works/{work}/variants/{variant}", "patch", {
    summary: "Change a variant",
    description: "Its author or an editor may.",
    tags: variants,
    access: "scholar",
    body: schemaOf(UpdateVariantSchema),
    responses: { ...ok("changed", anyJson), ...errors(401, 403, 404, 422) },
  });
  add("/api/works/{work}/variants/export", "get", {
    summary: "The variant register as a download (filtered)",
    tags: variants,
    access: "reader",
    query: VariantFilterSchema,
    extraQuery: [{ name: "format", in: "query", required: false, schema: { enum: ["csv", "json"], default: "csv" } }],
    responses: { "200": { description: "CSV or JSON", content: { "text/csv": { schema: { type: "string" } }, "application/json": { schema: anyJson } } }, ...errors(401, 404, 422) },
  });
  return p;
}

const importPreview: JsonSchema = {
  type: "object",
  description:
    "What the import would do: detected format and encoding, each edition's metadata, segmentation counts, first blocks and warnings (with line numbers), what storing its text in Unicode NFC changes (`normalisation`: form, letters, segments; null when nothing; also said in `notes`), and the plan.",
  properties: {
    file: { type: "string" },
    format: { type: "string" },
    encoding: { type: "object", properties: { encoding: { type: "string" }, confidence: { type: "number" }, hadBom: { type: "boolean" }, declared: { type: "boolean" } } },
    checksum: { type: "string", description: "send back with mode=import" },
    work: { type: "object", properties: { slug: { type: "string" }, title: { type: "string" }, exists: { type: "boolean" } } },
    action: { enum: ["add", "replace", "aligned", "work"] },
    unchanged: { type: "boolean" },
    editions: { type: "array", items: { type: "object" } },
    rows: { type: ["integer", "null"] },
    variants: { type: ["integer", "null"] },
    replaces: { type: ["object", "null"] },
    alignment: { type: "object", properties: { mode: { enum: ["place", "new-grid", "none", "from-file"] }, reference: { type: ["object", "null"] }, note: { type: "string" } } },
    notes: { type: "array", items: { type: "string" } },
  },
};

const importResult: JsonSchema = {
  type: "object",
  properties: {
    status: { enum: ["created", "unchanged"] },
    work: { type: "object", properties: { slug: { type: "string" } } },
    editions: {
      type: "array",
      items: {
        type: "object",
        properties: {
          slug: { type: "string" },
          segments: { type: "integer" },
          normalisation: {
            type: "object",
            description: "present when the file wrote some of the text in another Unicode form: what storing it in NFC changed",
            properties: { form: { enum: ["NFC"] }, letters: { type: "integer" }, segments: { type: "integer" } },
          },
        },
      },
    },
    replaced: { type: ["object", "null"], properties: { slug: { type: "string" }, keptAs: { type: "string" } } },
    alignment: { type: ["object", "null"] },
    message: { type: "string" },
  },
};

export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "Hexapla",
      version: "1",
      description:
        "Editions of a text and its translations, aligned segment by segment. Read works, editions, segments, rows and variants; import and export; edit the alignment. Errors are `{ error: { code, message, details? } }`. Scripts authenticate with an API token (`Authorization: Bearer …`, created at /account/tokens); browsers with the session cookie.",
    },
    servers: [{ url: "/" }],
    security: [{ bearerAuth: [] }, { sessionCookie: [] }],
    paths: paths(),
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "an API token from /account/tokens" },
        sessionCookie: { type: "apiKey", in: "cookie", name: "better-auth.session_token" },
      },
      schemas: {
        Error: schemaOf(ErrorSchema),
        Work: schemaOf(WorkInfoSchema),
        Edition: schemaOf(EditionInfoSchema),
        EditionDetail: schemaOf(EditionDetailSchema),
        SegmentPage: schemaOf(SegmentPageSchema),
        RowPage: schemaOf(RowPageSchema),
        ApiToken: schemaOf(ApiTokenSchema),
        CreatedApiToken: schemaOf(CreatedApiTokenSchema),
        ImportPreview: importPreview,
        ImportResult: importResult,
      },
    },
  };
}
