/**
 * Scripts beyond Latin and Cyrillic (issue 10), on Articles 1 and 26 of the UDHR imported as plain text in English,
 * Chinese and Burmese: 教育 is found in the Chinese edition, a Burmese sentence stays whole with its commas (၊), and
 * the Burmese and Chinese text are drawn with the fonts the app serves.
 */
import { randomUUID } from "node:crypto";
import { runImport } from "../lib/db/import/run-import";
import { expect, test } from "./fixtures";

const ARTICLES = {
  en: [
    "All human beings are born free and equal in dignity and rights. They are endowed with reason and conscience and should act towards one another in a spirit of brotherhood.",
    "Everyone has the right to education. Education shall be free, at least in the elementary and fundamental stages.",
  ],
  "zh-Hans": ["人人生而自由,在尊严和权利上一律平等。他们赋有理性和良心,并应以兄弟关系的精神相对待。", "人人都有受教育的权利,教育应当免费,至少在初级和基本阶段应如此。"],
  my: [
    "လူတိုင်းသည် တူညီ လွတ်လပ်သော ဂုဏ်သိက္ခာဖြင့် လည်းကောင်း၊ တူညီလွတ်လပ်သော အခွင့်အရေးများဖြင့် လည်းကောင်း၊ မွေးဖွားလာသူများ ဖြစ်သည်။ ထိုသူတို့၌ ပိုင်းခြား ဝေဖန်တတ်သော ဉာဏ်နှင့် ကျင့်ဝတ် သိတတ်သော စိတ်တို့ရှိကြ၍ ထိုသူတို့သည် အချင်းချင်း မေတ္တာထား၍ ဆက်ဆံကျင့်သုံးသင့်၏။",
    "လူတိုင်းသည် ပညာသင် ယူနိုင်ခွင့်ရှိသည်၊ အနည်းဆုံးမူလတန်းနှင့် အခြေခံ အဆင့် အတန်းများတွင် ပညာ သင်ကြားရေးသည် အခမဲ့ဖြစ်ရမည်။",
  ],
};
const FIRST_BURMESE_SENTENCE = "လူတိုင်းသည် တူညီ လွတ်လပ်သော ဂုဏ်သိက္ခာဖြင့် လည်းကောင်း၊ တူညီလွတ်လပ်သော အခွင့်အရေးများဖြင့် လည်းကောင်း၊ မွေးဖွားလာသူများ ဖြစ်သည်။";

function editionFile(work: string, language: keyof typeof ARTICLES): Uint8Array {
  const slug = language.split("-")[0];
  const front = `---\nwork: ${work}\nwork-title: Universal Declaration of Human Rights\nedition: ${slug}\nlanguage: ${language}\ntitle: UDHR (${slug})\noriginal: ${slug === "en"}\nprovenance: published\n---\n\n`;
  return new TextEncoder().encode(front + ARTICLES[language].map((text, i) => `{#a${i === 0 ? 1 : 26}} ${text}`).join("\n\n") + "\n");
}

test("教育 is found in the Chinese edition, a Burmese sentence keeps its commas, and both scripts get the app's fonts", async ({ page, db }) => {
  const work = `udhr-${randomUUID().slice(0, 8)}`;
  for (const language of ["en", "zh-Hans", "my"] as const) {
    await runImport(db, { bytes: editionFile(work, language), fileName: `${language}.txt`, importedById: null });
  }
  const burmese = await db.segment.findMany({ where: { work: { slug: work }, edition: { slug: "my" } }, orderBy: { position: "asc" }, select: { text: true } });
  expect(burmese.map((segment) => segment.text)).toEqual([FIRST_BURMESE_SENTENCE, expect.stringMatching(/^ထိုသူတို့၌/), expect.stringMatching(/ရှိသည်၊ .*ဖြစ်ရမည်။$/)]);

  const fonts: string[] = [];
  page.on("response", (response) => {
    if (response.url().includes("/script-fonts/") && response.ok()) fonts.push(new URL(response.url()).pathname);
  });
  await page.goto(`/works/${work}/search?q=${encodeURIComponent("教育")}&editions=en,zh,my`);
  await expect(page.getByRole("heading", { name: /rows? with hits for “教育”/ })).toBeVisible();
  await expect(page.locator('[data-edition="zh"] mark.hit').first()).toHaveText("教育");

  await page.goto(`/works/${work}/compare?editions=en,zh,my`);
  await expect(page.locator('[role="cell"][lang="my"]').first()).toContainText(FIRST_BURMESE_SENTENCE);
  await expect.poll(() => fonts.some((path) => /^\/script-fonts\/noto-serif-myanmar-.*\.woff2$/.test(path))).toBe(true);
  await expect.poll(() => fonts.some((path) => /^\/script-fonts\/noto-serif-sc-.*\.woff2$/.test(path))).toBe(true);
  expect(fonts).toContain("/script-fonts/Mymr.css");
  expect(await page.evaluate(() => document.fonts.check('16px "Noto Serif Myanmar"', "လူ"))).toBe(true);
});
