import { afterAll, describe, expect, it } from "vitest";
import { closeThreadPool, runOnOwnThread, runOnThread } from "./thread-pool";

const input: Parameters<typeof runOnThread<"alignPair">>[1] = [[{ text: "One day." }, { text: "Two nights." }], [{ text: "Un jour." }, { text: "Deux nuits." }], { langA: "en", langB: "fr" }];
/** A live thread shows as its MessagePort among the process's active resources. */
const threadsAlive = () => process.getActiveResourcesInfo().filter((resource) => resource === "MessagePort").length;

describe("the worker's threads", () => {
  afterAll(closeThreadPool);

  it("run a task on a thread of its own that is gone when it returns, with the pool's result", async () => {
    const alive = threadsAlive();
    const own = await runOnOwnThread("alignPair", input);
    expect(threadsAlive()).toBe(alive);
    const pooled = await runOnThread("alignPair", input);
    expect(threadsAlive()).toBe(alive + 1);
    expect(own).toEqual(pooled);
    expect(own.length).toBeGreaterThan(0);
  });
});
