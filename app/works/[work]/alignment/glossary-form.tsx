"use client";

/** Editors add term pairs (TSV) to the work's glossary, which the word aligner reads as a dictionary from its next run. */
import { useRouter } from "next/navigation";
import { useId, useState } from "react";

export function GlossaryForm({ workSlug, languages }: { workSlug: string; languages: string[] }) {
  const router = useRouter();
  const id = useId();
  const [message, setMessage] = useState("");
  const [busy, setBusy] = useState(false);

  async function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    const file = data.get("file");
    const tsv = file instanceof File && file.size > 0 ? await file.text() : String(data.get("tsv") ?? "");
    setBusy(true);
    const response = await fetch(`/api/works/${encodeURIComponent(workSlug)}/glossary`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ languageA: data.get("languageA"), languageB: data.get("languageB"), tsv }),
    }).catch(() => null);
    setBusy(false);
    const body = await response?.json().catch(() => null);
    if (response?.ok) {
      setMessage(`Added ${body.added} of ${body.entries} term pairs; the word aligner uses them from its next run.`);
      form.reset();
      router.refresh();
    } else setMessage(body?.error?.message ?? "The glossary could not be added.");
  }

  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit(event.currentTarget);
      }}
    >
      <p className="control-row">
        <label>
          From{" "}
          <select name="languageA" defaultValue={languages[0]}>
            {languages.map((language) => (
              <option key={language}>{language}</option>
            ))}
          </select>
        </label>{" "}
        <label>
          to{" "}
          <select name="languageB" defaultValue={languages[1] ?? languages[0]}>
            {languages.map((language) => (
              <option key={language}>{language}</option>
            ))}
          </select>
        </label>
      </p>
      <label htmlFor={`${id}-file`}>TSV file (term, tab, term, optional note)</label>
      <input id={`${id}-file`} type="file" name="file" accept=".tsv,.txt,text/tab-separated-values,text/plain" />
      <label htmlFor={`${id}-tsv`}>or paste the pairs</label>
      <textarea id={`${id}-tsv`} name="tsv" rows={4} />
      <button type="submit" className="button" disabled={busy}>
        Add to the glossary
      </button>
      <p role="status">{message}</p>
    </form>
  );
}
