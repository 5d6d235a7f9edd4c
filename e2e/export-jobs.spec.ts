/**
 * An export too large for a request (the e2e server makes the demo's whole-work JSON one: e2e/server.ts) is prepared
 * by a worker from the export page: its progress is shown, then a download with the time until which it is kept;
 * the file is the work, and the page lists it among the files prepared recently.
 */
import { expect, test } from "./fixtures";

test("a large export is prepared by a worker from the export page and downloaded", async ({ page }) => {
  await page.goto("/works/thirst-for-power/export");
  const item = page.locator("ul.export-list li").filter({ hasText: "The whole work (JSON)" });
  await expect(item).toContainText("large: made by a worker");
  await expect(item.getByRole("link")).toHaveCount(0);
  await item.getByRole("button", { name: "Prepare the file" }).click();
  const progress = page.waitForResponse((response) => /\/api\/works\/thirst-for-power\/jobs\/[0-9a-f-]+$/.test(response.url()));
  expect(((await (await progress).json()) as { job: { kind: string } }).job.kind).toBe("export-work");
  const download = item.getByRole("link", { name: /^Download thirst-for-power\.hexapla\.json \(\d+ KB\)$/ });
  await expect(download).toBeVisible({ timeout: 60_000 });
  await expect(item.getByRole("status")).toContainText("Ready. The file is kept until");
  const href = (await download.getAttribute("href"))!;
  const file = await page.request.get(href);
  expect(file.ok()).toBe(true);
  expect(file.headers()["content-disposition"]).toBe('attachment; filename="thirst-for-power.hexapla.json"');
  const work = (await file.json()) as { format: string; rows: unknown[]; editions: unknown[] };
  expect(work.format).toBe("hexapla-work");
  expect(work.rows.length * work.editions.length).toBeGreaterThan(280);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Files prepared recently" })).toBeVisible();
  await expect(page.getByRole("link", { name: "thirst-for-power.hexapla.json" })).toHaveAttribute("href", href);
});
