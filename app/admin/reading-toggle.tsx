"use client";

import { useState } from "react";
import { adminRequest } from "./admin-api";

/** Whether reading needs an account. */
export function ReadingToggle({ initial }: { initial: boolean }) {
  const [open, setOpen] = useState(initial);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  return (
    <div className="reading-toggle">
      <label>
        <input
          type="checkbox"
          checked={open}
          onChange={async (event) => {
            const next = event.target.checked;
            setOpen(next);
            const result = await adminRequest("PUT", "/api/admin/settings", { readingPublic: next });
            if (result.ok) setMessage({ text: next ? "Anyone can read the works." : "Reading now needs signing in.", error: false });
            else {
              setOpen(!next);
              setMessage({ text: result.message, error: true });
            }
          }}
        />{" "}
        Anyone may read the works without signing in
      </label>
      {message ? (
        <p role={message.error ? "alert" : "status"} className={message.error ? "error" : "lede"}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
