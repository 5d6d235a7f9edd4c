// The thread pool's entry point (plain JavaScript): it registers tsx's ES-module loader in the thread, then loads
// thread-tasks.ts as an ES module — as the rest of the project is loaded. (Piscina would otherwise require() the
// TypeScript, and as CommonJS the default imports of some CommonJS packages come out undefined.)
import { register } from "tsx/esm/api";

register();
const { default: runThreadTask } = await import("./thread-tasks.ts");

export default runThreadTask;
