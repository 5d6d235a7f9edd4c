/**
 * Runs in the browser before any of the app's modules (Next.js's instrumentation-client convention). The
 * Content-Security-Policy forbids eval, so zod must not try to compile its schemas with `new Function`: its probe
 * for eval would be reported as a violation on every page that parses with zod in the browser.
 */
import { z } from "zod";

z.config({ jitless: true });
