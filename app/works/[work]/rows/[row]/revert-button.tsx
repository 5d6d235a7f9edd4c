"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

/** Puts back the text a revision replaced (a new revision); the page then shows it. */
export function RevertButton({ workSlug, segmentId, revisionId }: { workSlug: string; segmentId: string; revisionId: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <div className="revert">
      <button
        type="button"
        className="button secondary"
        disabled={pending}
        onClick={async () => {
          setPending(true);
          setError(null);
          const response = await fetch(`/api/works/${encodeURIComponent(workSlug)}/segments/${segmentId}/revisions/${revisionId}/revert`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: "{}",
          }).catch(() => null);
          setPending(false);
          if (response?.ok) {
            router.refresh();
            return;
          }
          const body = (await response?.json().catch(() => null)) as { error?: { message?: string } } | null;
          setError(body?.error?.message ?? "The server could not be reached; nothing was changed.");
        }}
      >
        {pending ? "Reverting…" : "Revert this revision"}
      </button>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
