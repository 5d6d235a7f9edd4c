/** Reads a Server-Sent Events response as a browser would parse it: named events with their data, and whether it ended. */

export interface SseEvent {
  event: string;
  data: unknown;
}

export interface SseReader {
  status: number;
  events: SseEvent[];
  text: string;
  ended: boolean;
  /** Resolves with the first event (counting from `from`) that matches, or rejects after `timeoutMs`. */
  next(event: string, options?: { from?: number; timeoutMs?: number }): Promise<SseEvent>;
  /** Resolves once the stream has ended. */
  end(timeoutMs?: number): Promise<void>;
  cancel(): Promise<void>;
}

export function readSse(response: Response): SseReader {
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  const state: SseReader = {
    status: response.status,
    events: [],
    text: "",
    ended: !reader,
    next: (event, { from = 0, timeoutMs = 20_000 } = {}) =>
      poll(() => state.events.slice(from).find((e) => e.event === event) ?? null, timeoutMs, `an "${event}" event (had: ${state.events.map((e) => e.event).join(", ")})`),
    end: (timeoutMs = 20_000) => poll(() => (state.ended ? true : null), timeoutMs, "the stream to end").then(() => undefined),
    cancel: async () => {
      await reader?.cancel().catch(() => undefined);
    },
  };
  if (!reader) return state;
  void (async () => {
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (done) break;
      const chunk = decoder.decode(value, { stream: true });
      state.text += chunk;
      buffer += chunk;
      let boundary: number;
      while ((boundary = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, boundary);
        buffer = buffer.slice(boundary + 2);
        const lines = block.split("\n");
        const name = lines.find((line) => line.startsWith("event: "))?.slice(7);
        const data = lines.filter((line) => line.startsWith("data: ")).map((line) => line.slice(6)).join("\n");
        if (name) state.events.push({ event: name, data: data ? JSON.parse(data) : null });
      }
    }
    state.ended = true;
  })();
  return state;
}

async function poll<T>(found: () => T | null, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = found();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
