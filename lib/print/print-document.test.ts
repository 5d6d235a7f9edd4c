import { describe, expect, it } from "vitest";
import { escapeHtml, isLandscape, printHtml, type PrintDocument } from "./print-document";
import { countPdfPages } from "./render-pdf";

const doc: PrintDocument = {
  work: { title: "Thirst <for> Power", author: "Leon Trotsky" },
  editions: [
    { slug: "en", title: "“Thirst for Power”", language: "en", label: "Published text", statement: "The text of the published edition.", imprint: "Edited by Tim Davenport", workingTranslation: false },
    { slug: "ru", title: "«Жажда власти»", language: "ru", label: "Working translation (stands in for the Russian original)", statement: "A working translation made for Hexapla.", imprint: null, workingTranslation: true },
  ],
  rows: [
    {
      number: 7,
      cells: [
        [
          { text: "First & <second>", kind: "paragraph", paragraph: 3 },
          { text: "sentence[^2].", kind: "paragraph", paragraph: 3 },
        ],
        [],
      ],
    },
  ],
  range: { from: 7, to: 7, total: 50 },
  made: "2026-12-06",
  fontBase: "/fonts/",
};

describe("the printable parallel edition", () => {
  const html = printHtml(doc);

  it("names each edition with its title, what it is and its imprint, and labels a working translation in the column heads", () => {
    expect(html).toContain('<span lang="ru">«Жажда власти»</span> (ru)</th><td><span class="label">Working translation (stands in for the Russian original).</span> A working translation made for Hexapla.</td>');
    expect(html).toContain("The text of the published edition. Edited by Tim Davenport.</td>");
    expect(html).toContain('<span lang="ru">«Жажда власти»</span><span class="label">working translation</span></th>');
    expect(html).toContain("Rows 7–7 of 50 in 2 editions");
  });

  it("numbers rows, marks each cell's language, keeps a block's sentences in one paragraph, and escapes the text", () => {
    expect(html).toContain('<tr id="r7"><th scope="row">7</th><td lang="en"><p class="paragraph">First &amp; &lt;second&gt; sentence<sup>2</sup>.</p></td><td class="empty">');
    expect(html).toContain("<h1>Thirst &lt;for&gt; Power</h1>");
    expect(escapeHtml(`"'`)).toBe("&quot;&#39;");
  });

  it("keeps rows whole across pages, repeats the head, and embeds the app's own fonts (no other origin)", () => {
    expect(html).toMatch(/\.parallel tbody tr \{ break-inside: avoid;/);
    expect(html).toContain("<thead>");
    expect(html).toContain('src:url("/fonts/noto-serif-cyrillic-400-normal.woff2")');
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).toContain("size: A4 portrait");
    expect(printHtml({ ...doc, editions: [...doc.editions, ...doc.editions.slice(0, 2)] })).toContain("size: A4 landscape");
    expect([2, 3, 4, 5].map(isLandscape)).toEqual([false, false, true, true]);
  });

  it("counts a PDF's pages by its page objects, not its page tree", () => {
    expect(countPdfPages(Buffer.from("<< /Type /Pages /Count 2 >> << /Type /Page >> << /Type/Page/Parent 1 0 R >>", "latin1"))).toBe(2);
  });
});
