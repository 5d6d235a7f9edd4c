"use client";

import { useEffect, useRef, useState } from "react";
import type { GridNotification } from "@/lib/db/grid/notify";

export type LiveStatus = "connecting" | "live" | "reconnecting" | "paused" | "denied";

const BACK_OFF_MS = { first: 2_000, max: 60_000 };
const RESUME_ON = ["visibilitychange", "focus", "pointerdown", "keydown"] as const;

/**
 * Listens to the work's grid changes (Server-Sent Events, lib/db/live/grid-event-stream.ts). `onReady` hears the
 * current version whenever the stream (re)connects and when the database is back after an outage, so the page
 * catches up from the journal on what it missed. EventSource reconnects by itself when a stream ends; when it gives
 * up (a refusal such as 429 or 503, or a proxy's 502 while the app restarts) a new one is opened after a back-off
 * (2 s doubling to 60 s). `denied` (the reader may no longer read) is final; `paused` (the server closed an idle
 * stream) reconnects when the page is used again.
 */
export function useLiveUpdates(workSlug: string, onChange: (change: GridNotification) => void, onReady: (version: number) => void): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const handlers = useRef({ onChange, onReady });
  useEffect(() => {
    handlers.current = { onChange, onReady };
  }, [onChange, onReady]);
  useEffect(() => {
    let source: EventSource | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let backOff = BACK_OFF_MS.first;
    let stopped = false;
    /** Set when the server closed the stream on purpose: no automatic retry. */
    let ended: "denied" | "paused" | null = null;

    const resume = () => {
      if (document.visibilityState === "hidden") return;
      for (const name of RESUME_ON) window.removeEventListener(name, resume);
      open();
    };
    const open = () => {
      if (stopped) return;
      ended = null;
      source?.close();
      const current = new EventSource(`/api/works/${encodeURIComponent(workSlug)}/grid/events`);
      source = current;
      current.addEventListener("ready", (event) => {
        backOff = BACK_OFF_MS.first;
        setStatus("live");
        handlers.current.onReady((JSON.parse((event as MessageEvent<string>).data) as { version: number }).version);
      });
      current.addEventListener("change", (event) => handlers.current.onChange(JSON.parse((event as MessageEvent<string>).data) as GridNotification));
      current.addEventListener("unavailable", () => setStatus("reconnecting"));
      current.addEventListener("denied", () => {
        current.close();
        ended = "denied";
        setStatus("denied");
      });
      current.addEventListener("idle", () => {
        current.close();
        ended = "paused";
        setStatus("paused");
        for (const name of RESUME_ON) window.addEventListener(name, resume);
      });
      current.onerror = () => {
        if (current !== source || current.readyState !== EventSource.CLOSED) {
          if (current === source) setStatus("reconnecting");
          return;
        }
        // A deliberate close (denied, idle) leaves the status it set; anything else gave up: try again later.
        if (ended) return;
        setStatus("reconnecting");
        clearTimeout(retryTimer);
        retryTimer = setTimeout(open, backOff * (0.75 + Math.random() / 2));
        backOff = Math.min(backOff * 2, BACK_OFF_MS.max);
      };
    };
    open();
    return () => {
      stopped = true;
      clearTimeout(retryTimer);
      for (const name of RESUME_ON) window.removeEventListener(name, resume);
      source?.close();
    };
  }, [workSlug]);
  return status;
}
