/**
 * On SIGTERM or SIGINT, Next.js stops taking connections and waits for the requests in flight before it exits;
 * live-update streams never end by themselves, so they are ended here (the browsers reconnect, to another app
 * server or to this one restarted) and the shutdown is not held up by them. Imported once by instrumentation.ts.
 */
import { shutDownLiveHubs } from "./live-hub";

const onStop = () => void shutDownLiveHubs();
process.once("SIGTERM", onStop);
process.once("SIGINT", onStop);
