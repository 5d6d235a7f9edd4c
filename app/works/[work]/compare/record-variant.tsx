"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState, type RefObject } from "react";
import { CATEGORY_LABEL, STATUS_LABEL, VARIANT_CATEGORIES, VARIANT_STATUSES } from "@/lib/variants/variant-schemas";

export interface VariantFormEdition {
  slug: string;
  title: string;
  language: string;
}

type FieldErrors = Partial<Record<"editions" | "category" | "note" | "status" | "rowId" | "form", string>>;

interface ErrorBody {
  error?: { message?: string; details?: { issues?: { path: string; message: string }[] } };
}

export interface VariantSuggestion {
  editions: string[];
  category: (typeof VARIANT_CATEGORIES)[number];
  note: string;
}

/**
 * Records a variant on one row: a button that opens the form (the variants page's suggestions use it). The compare
 * view opens the same form from a row's tools, one dialog for the page (RecordVariantDialog).
 */
export function RecordVariant({
  workSlug,
  rowId,
  rowNumber,
  editions,
  suggestion,
}: {
  workSlug: string;
  rowId: string;
  rowNumber: number;
  editions: VariantFormEdition[];
  suggestion?: VariantSuggestion;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [done, setDone] = useState<string | null>(null);
  return (
    <>
      <button type="button" className="link-button record-variant" onClick={() => dialog.current?.showModal()}>
        {suggestion ? "Record" : "Record variant"}
        <span className="visually-hidden"> {suggestion ? "this suggestion as a variant" : ""} on row {rowNumber}</span>
      </button>
      {done ? (
        <span role="status" className="recorded">
          {done}
        </span>
      ) : null}
      <RecordVariantDialog dialog={dialog} workSlug={workSlug} rowId={rowId} rowNumber={rowNumber} editions={editions} suggestion={suggestion} onRecorded={setDone} />
    </>
  );
}

/**
 * The form that records a variant on one row, in a dialog the caller opens (`dialog.current.showModal()`): which
 * editions, a category, a note and a status; the server checks the role and every field. A suggestion (from the word
 * links) fills the form in advance; the scholar still reads and saves it. After saving, the page is refreshed.
 */
export function RecordVariantDialog({
  dialog,
  workSlug,
  rowId,
  rowNumber,
  editions,
  suggestion,
  onRecorded,
  onClose,
}: {
  dialog: RefObject<HTMLDialogElement | null>;
  workSlug: string;
  rowId: string;
  rowNumber: number;
  editions: VariantFormEdition[];
  suggestion?: VariantSuggestion;
  onRecorded: (message: string) => void;
  onClose?: () => void;
}) {
  const router = useRouter();
  const id = useId();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);

  async function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    setSaving(true);
    setErrors({});
    const response = await fetch(`/api/works/${encodeURIComponent(workSlug)}/variants`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        rowId,
        editions: data.getAll("editions"),
        category: data.get("category"),
        note: data.get("note"),
        status: data.get("status"),
      }),
    }).catch(() => null);
    setSaving(false);
    if (response?.ok) {
      form.reset();
      dialog.current?.close();
      onRecorded(`Variant recorded on row ${rowNumber}.`);
      router.refresh();
      return;
    }
    const body = ((await response?.json().catch(() => null)) ?? {}) as ErrorBody;
    const next: FieldErrors = {};
    for (const issue of body.error?.details?.issues ?? []) next[(issue.path.split(".")[0] || "form") as keyof FieldErrors] = issue.message;
    if (Object.keys(next).length === 0) next.form = body.error?.message ?? "The variant could not be recorded; check your connection and try again.";
    setErrors(next);
  }

  const describedBy = (field: keyof FieldErrors) => (errors[field] ? `${id}-${field}-error` : undefined);
  const errorText = (field: keyof FieldErrors) =>
    errors[field] ? (
      <span id={`${id}-${field}-error`} className="error">
        {errors[field]}
      </span>
    ) : null;

  return (
    <dialog ref={dialog} className="variant-dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit(event.currentTarget);
        }}
      >
        <h2 id={`${id}-title`}>Record a variant on row {rowNumber}</h2>
        <fieldset aria-describedby={describedBy("editions")}>
          <legend>Editions it concerns</legend>
          {editions.map((edition) => (
            <label key={edition.slug}>
              <input type="checkbox" name="editions" value={edition.slug} defaultChecked={suggestion?.editions.includes(edition.slug)} /> <span lang={edition.language}>{edition.title}</span> ({edition.slug})
            </label>
          ))}
          {errorText("editions")}
        </fieldset>
        <label htmlFor={`${id}-category`}>Category</label>
        <select id={`${id}-category`} name="category" defaultValue={suggestion?.category ?? ""} aria-describedby={describedBy("category")}>
          <option value="" disabled>
            Choose…
          </option>
          {VARIANT_CATEGORIES.map((category) => (
            <option key={category} value={category}>
              {CATEGORY_LABEL[category]}
            </option>
          ))}
        </select>
        {errorText("category")}
        <label htmlFor={`${id}-note`}>Note</label>
        <textarea id={`${id}-note`} name="note" rows={4} defaultValue={suggestion?.note} aria-describedby={describedBy("note")} />
        {errorText("note")}
        <label htmlFor={`${id}-status`}>Status</label>
        <select id={`${id}-status`} name="status" defaultValue="open" aria-describedby={describedBy("status")}>
          {VARIANT_STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABEL[status]}
            </option>
          ))}
        </select>
        {errorText("status")}
        {errors.form || errors.rowId ? (
          <p role="alert" className="error">
            {errors.form ?? errors.rowId}
          </p>
        ) : null}
        <div className="actions">
          <button type="submit" className="button" disabled={saving}>
            {saving ? "Saving…" : "Save variant"}
          </button>
          <button type="button" className="button secondary" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
