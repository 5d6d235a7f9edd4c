"use client";

import { useEffect, useRef, useState } from "react";
import type { GridNotification } from "@/lib/db/grid/notify";

export type LiveStatus = "connecting" | "live" | "reconnecting" | "denied";

/**
 * Listens to the work's grid changes (Server-Sent Events, fanned out by PostgreSQL LISTEN/NOTIFY). `onReady`
 * hears the current version whenever the stream (re)connects, so the page catches up on what it missed. The
 * status is `denied` once the server refuses the stream (the reader may no longer read); it is not retried.
 */
export function useLiveUpdates(workSlug: string, onChange: (change: GridNotification) => void, onReady: (version: number) => void): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const handlers = useRef({ onChange, onReady });
  useEffect(() => {
    handlers.current = { onChange, onReady };
  }, [onChange, onReady]);
  useEffect(() => {
    const source = new EventSource(`/api/works/${encodeURIComponent(workSlug)}/grid/events`);
    source.addEventListener("ready", (event) => {
      setStatus("live");
      handlers.current.onReady((JSON.parse((event as MessageEvent<string>).data) as { version: number }).version);
    });
    source.addEventListener("change", (event) => handlers.current.onChange(JSON.parse((event as MessageEvent<string>).data) as GridNotification));
    // The server closes the stream when its reader may no longer read (e.g. reading was made sign-in only).
    source.addEventListener("denied", () => {
      source.close();
      setStatus("denied");
    });
    source.onerror = () => setStatus("reconnecting");
    return () => source.close();
  }, [workSlug]);
  return status;
}
