/**
 * Runs once when the app server starts (Next.js instrumentation). On SIGTERM or SIGINT, Next.js stops taking
 * connections and waits for the requests in flight before it exits; live-update streams never end by themselves, so
 * they are ended here (lib/db/live/live-hub.ts: the browsers reconnect, to another app server or to this one
 * restarted) and the shutdown is not held up by them.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { shutDownLiveHubs } = await import("./lib/db/live/live-hub");
  const onStop = () => void shutDownLiveHubs();
  process.once("SIGTERM", onStop);
  process.once("SIGINT", onStop);
}
