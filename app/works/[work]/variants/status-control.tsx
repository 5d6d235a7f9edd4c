"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { STATUS_LABEL, VARIANT_STATUSES, type VariantStatus } from "@/lib/variants/variant-schemas";

/** Changes a variant's status (its author or an editor); the server checks who may. */
export function StatusControl({ workSlug, variantId, status }: { workSlug: string; variantId: string; status: VariantStatus }) {
  const router = useRouter();
  const id = useId();
  const [message, setMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function change(next: string) {
    setSaving(true);
    setMessage(null);
    const response = await fetch(`/api/works/${encodeURIComponent(workSlug)}/variants/${variantId}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ status: next }),
    }).catch(() => null);
    setSaving(false);
    if (response?.ok) {
      router.refresh();
      return;
    }
    const body = (await response?.json().catch(() => null)) as { error?: { message?: string } } | null;
    setMessage(body?.error?.message ?? "The status could not be changed.");
  }

  return (
    <>
      <label htmlFor={id} className="visually-hidden">
        Status
      </label>
      <select id={id} defaultValue={status} disabled={saving} onChange={(event) => void change(event.target.value)}>
        {VARIANT_STATUSES.map((value) => (
          <option key={value} value={value}>
            {STATUS_LABEL[value]}
          </option>
        ))}
      </select>
      {message ? (
        <span role="alert" className="error">
          {message}
        </span>
      ) : null}
    </>
  );
}
