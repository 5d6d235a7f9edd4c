"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

interface Props {
  workSlug: string;
  entryId: string;
  gridVersion: number;
}

/**
 * "Restore the grid before this" on a journal entry that kept a snapshot (an alignment run, an import, a restore):
 * asks first, then POSTs to the entry's restore route and reloads the journal, or shows why it was refused.
 */
export function RestoreButton({ workSlug, entryId, gridVersion }: Props) {
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);

  async function restore() {
    setSending(true);
    const response = await fetch(`/api/works/${encodeURIComponent(workSlug)}/journal/${entryId}/restore`, { method: "POST" }).catch(() => null);
    const body = (await response?.json().catch(() => null)) as { restored?: { summary: string }; error?: { message: string } } | null;
    setSending(false);
    setAsking(false);
    if (response?.ok && body?.restored) {
      setOutcome({ ok: true, message: `${body.restored.summary}.` });
      router.refresh();
    } else {
      setOutcome({ ok: false, message: body?.error?.message ?? "The server could not be reached; nothing was restored." });
    }
  }

  return (
    <div className="journal-restore">
      {asking ? (
        <div role="group" aria-label={`Confirm restoring the grid before version ${gridVersion}`}>
          <p>
            The grid goes back to how it was before version {gridVersion}. The grid it replaces is kept too: the restore can itself be restored.
          </p>
          <button type="button" className="button" onClick={() => void restore()} disabled={sending}>
            Restore now
          </button>{" "}
          <button type="button" className="button secondary" onClick={() => setAsking(false)} disabled={sending}>
            Cancel
          </button>
        </div>
      ) : (
        <button type="button" className="button secondary" onClick={() => setAsking(true)}>
          Restore the grid before this
        </button>
      )}
      {outcome ? (
        <p role={outcome.ok ? "status" : "alert"} className={outcome.ok ? undefined : "error"}>
          {outcome.message}
        </p>
      ) : null}
    </div>
  );
}
