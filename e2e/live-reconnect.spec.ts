/**
 * The editor page's live updates when the browser's EventSource gives up (a refusal such as 503, or a proxy's 502
 * while an app server restarts): the page says so, tries again by itself with back-off, and once connected catches
 * up from the journal on the change it missed meanwhile — without a reload.
 */
import { randomBytes } from "node:crypto";
import { applyEditorOperation } from "../lib/db/grid/apply-operation";
import { createWork, oneToOneSpec } from "../lib/db/grid/grid.fixtures";
import { expect, test, userOf } from "./fixtures";

test("a page whose stream was refused tries again, and catches up on what changed meanwhile", async ({ page, db }) => {
  const slug = `e2e-live-${randomBytes(4).toString("hex")}`;
  const work = await createWork(db, oneToOneSpec(slug, ["ru", "en"], 4));
  const editor = await db.user.findUniqueOrThrow({ where: { email: userOf("editor").email } });
  let refused = 0;
  await page.route("**/grid/events", async (route) => {
    if (refused >= 2) return route.continue();
    refused += 1;
    await route.fulfill({ status: refused === 1 ? 503 : 502, headers: { "retry-after": "1" }, contentType: "application/json", body: JSON.stringify({ error: { code: "streams_full", message: "full" } }) });
  });
  await page.goto(`/works/${slug}/align`);
  await page.evaluate(() => ((window as unknown as { notReloaded?: boolean }).notReloaded = true));
  await expect(page.locator(".live-status")).toContainText("reconnecting");

  const { gridVersion } = await db.work.findUniqueOrThrow({ where: { id: work.workId } });
  await applyEditorOperation(db, work.workId, { id: editor.id, name: editor.name, role: "editor" }, { op: { type: "mergeRows", rowId: work.rowIds[0] }, baseVersion: gridVersion });

  await expect(page.locator(".live-status")).toContainText("Live:", { timeout: 20_000 });
  await expect(page.locator(".live-status")).toContainText(`Version ${gridVersion + 1}.`);
  expect(refused).toBe(2);
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
});
