"use client";

import { useState } from "react";

/**
 * The compare view's settings as one compact bar above the rows: what is chosen as a short summary, the place tools
 * (`tools`: jump to a row, search) always at hand, and the full controls (`children`) behind a disclosure button,
 * so the text starts near the top of the screen. The bar stays open while the page follows a change of settings.
 * The controls are drawn when the bar is opened, so a page does not carry their markup (one list of every edition
 * per column) until a reader asks for it; the keys of the view are listed after them.
 */
export function SettingsBar({ summary, tools, children }: { summary: React.ReactNode; tools: React.ReactNode; children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <section className="compare-bar" aria-label="Editions and view settings">
      <div className="bar-line">
        <button type="button" className="bar-toggle" aria-expanded={open} aria-controls="compare-settings" onClick={() => setOpen(!open)}>
          <span aria-hidden="true">{open ? "▾" : "▸"}</span> Editions and settings
        </button>
        <div className="bar-summary">{summary}</div>
        <div className="bar-tools">{tools}</div>
      </div>
      <div id="compare-settings" className="bar-panel" hidden={!open}>
        {open ? (
          <>
            {children}
            <p className="hint">
              Keys: <kbd>j</kbd> / <kbd>k</kbd> next / previous row; in a focused cell, <kbd>W</kbd> word mode, then <kbd>←</kbd> <kbd>→</kbd>.
            </p>
          </>
        ) : null}
      </div>
    </section>
  );
}
