/** Runs once when the app server starts (Next.js instrumentation): the Node.js runtime's shutdown hooks. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./lib/db/live/end-streams-on-stop");
}
