/**
 * The Node.js flags the app server (`next start`) runs with, under `npm start` and in the HTTP benchmarks alike, so
 * that what a benchmark measures is what is deployed.
 *
 * Left to itself V8 sizes the heap for the machine: its old space may grow to a share of the RAM before it collects
 * in earnest, and each of its two young-generation semi-spaces to 16 MB. The app server's live heap is far smaller
 * (about 90 MB after the first page, 150 MB after serving a 40-edition work: mostly the server bundles' code and
 * source text), and Node itself holds some 150 MB more (its binary, malloc, threads); the rest of its RSS is garbage
 * not yet collected. HEXAPLA_SERVER_HEAP_MB caps the old space (V8 then collects sooner and grows the heap by smaller
 * steps: about 380 MB after serving the 40-edition work instead of 480–560 MB), and semi-spaces of 8 MB keep another
 * 16 MB out of RSS at no measurable cost: the compare view's server CPU time per page was the same within noise (at
 * 4 MB it rose by 5–15 %).
 *
 * Outside the heap, glibc's malloc gives each thread that allocates an arena of its own (up to eight per core) and
 * returns little of them: two arenas (MALLOC_ARENA_MAX=2, unless the environment sets it) kept the server 20–40 MB
 * smaller after serving the 40-edition work and the 10,000-row editor (bench:scale, 350 against 370–394 MB), with
 * page times equal within noise.
 */
export const SEMI_SPACE_MB = 8;

export function appServerNodeFlags(heapMb: number): string[] {
  return [`--max-old-space-size=${heapMb}`, `--max-semi-space-size=${SEMI_SPACE_MB}`];
}

/** The environment the app server runs in: `env` with malloc's arenas capped (see above). */
export function appServerEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX ?? "2" };
}
