/**
 * Renders a printable HTML document (print-document.ts) to PDF with Chromium (playwright-core driving the system's
 * Chromium: Debian's /usr/bin/chromium, or HEXAPLA_CHROMIUM; never a downloaded browser). The page is loaded from
 * an address that never reaches the network: the document and the app's own fonts (public/fonts) are served by
 * request interception and everything else is refused, so the fonts are embedded and nothing is fetched.
 */
import fs from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import { DomainError } from "../db/errors";

const ORIGIN = "http://hexapla.print";
const DOCUMENT_URL = `${ORIGIN}/document`;
/** Where the document's fonts are asked for: "/fonts/" on that origin. */
export const PRINT_FONT_BASE = "/fonts/";

export interface RenderOptions {
  /** The folder with the woff2 files (public/fonts). */
  fontsDir: string;
  landscape: boolean;
  /** Printed in every page's footer with the page number. */
  footer: string;
  chromiumPath?: string;
  signal?: AbortSignal;
}

export interface RenderedPdf {
  pdf: Buffer;
  pages: number;
}

/** The app's own fonts (public/fonts), found from this file: called by the worker only (bundled code has no dirname). */
export function appFontsDir(): string {
  return path.resolve(import.meta.dirname, "..", "..", "public", "fonts");
}

/** The system's Chromium: HEXAPLA_CHROMIUM, else Debian's. */
export function findChromium(configured?: string): string {
  const candidates = configured ? [configured] : ["/usr/bin/chromium", "/usr/bin/chromium-browser"];
  const found = candidates.find((candidate) => fs.existsSync(candidate));
  if (!found) throw new DomainError("invalid", `Making a PDF needs Chromium on the worker's machine (${candidates.join(" or ")}): install it with apt-get install chromium, or set HEXAPLA_CHROMIUM.`);
  return found;
}

/** The pages of a PDF Chromium wrote: its page objects. */
export function countPdfPages(pdf: Buffer): number {
  return pdf.toString("latin1").match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}

function escapeText(text: string): string {
  return text.replace(/[&<>"]/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[char]!);
}

export async function renderPdf(html: string, options: RenderOptions): Promise<RenderedPdf> {
  options.signal?.throwIfAborted();
  const browser = await chromium.launch({
    executablePath: findChromium(options.chromiumPath),
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const abort = () => void browser.close();
  options.signal?.addEventListener("abort", abort, { once: true });
  try {
    const page = await browser.newPage();
    await page.route("**/*", async (route) => {
      const url = route.request().url();
      if (url === DOCUMENT_URL) return route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html });
      const font = url.startsWith(`${ORIGIN}${PRINT_FONT_BASE}`) ? url.slice(ORIGIN.length + PRINT_FONT_BASE.length) : null;
      if (font && /^[a-z0-9-]+\.woff2$/.test(font)) return route.fulfill({ status: 200, contentType: "font/woff2", path: path.join(options.fontsDir, font) });
      return route.abort();
    });
    await page.goto(DOCUMENT_URL, { waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    options.signal?.throwIfAborted();
    const pdf = await page.pdf({
      preferCSSPageSize: true,
      landscape: options.landscape,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate: `<div style="font-size:7pt;width:100%;text-align:center;color:#555;font-family:serif">${escapeText(options.footer)} · <span class="pageNumber"></span> / <span class="totalPages"></span></div>`,
    });
    return { pdf, pages: countPdfPages(pdf) };
  } catch (error) {
    options.signal?.throwIfAborted();
    throw error;
  } finally {
    options.signal?.removeEventListener("abort", abort);
    await browser.close().catch(() => undefined);
  }
}
