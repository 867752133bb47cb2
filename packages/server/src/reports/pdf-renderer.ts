import chromium from '@sparticuz/chromium';
import { chromium as playwright, type Browser } from 'playwright-core';

/**
 * Turns report pages into PDFs with headless Chromium from the @sparticuz/chromium npm
 * package (docs/decisions/0002). One warm browser is shared; at most `maxPages` pages render
 * at once, others wait their turn, so a burst of downloads cannot exhaust memory.
 *
 * The PDF is the report page itself, printed: it loads the same /reports/:id page with the
 * requester's own session cookie, so it shows exactly what they may see, no more.
 */
export interface PdfRenderer {
  renderReport: (input: { sessionToken: string; participantId: string }) => Promise<Buffer>;
  close: () => Promise<void>;
}

const droppedFlags = new Set(['--single-process', '--disable-web-security', '--allow-running-insecure-content']);

export function createPdfRenderer(options: { baseUrl: string; cookieName: string; maxPages?: number }): PdfRenderer {
  let browser: Promise<Browser> | null = null;
  const maxPages = options.maxPages ?? 2;
  let active = 0;
  const waiting: (() => void)[] = [];

  const getBrowser = () => {
    browser ??= chromium.executablePath().then((executablePath) =>
      playwright.launch({ executablePath, args: chromium.args.filter((flag) => !droppedFlags.has(flag)), headless: true }),
    );
    return browser;
  };
  const acquire = async () => {
    if (active >= maxPages) await new Promise<void>((resolve) => waiting.push(resolve));
    active += 1;
  };
  const release = () => {
    active -= 1;
    waiting.shift()?.();
  };

  return {
    async renderReport({ sessionToken, participantId }) {
      await acquire();
      const context = await (await getBrowser()).newContext();
      try {
        const url = new URL(options.baseUrl);
        await context.addCookies([{ name: options.cookieName, value: sessionToken, domain: url.hostname, path: '/', httpOnly: true, sameSite: 'Lax' }]);
        const page = await context.newPage();
        await page.goto(`${options.baseUrl}/reports/${encodeURIComponent(participantId)}`, { waitUntil: 'networkidle' });
        await page.waitForSelector('article.report .chart svg', { timeout: 15_000 });
        await page.emulateMedia({ media: 'print' });
        return await page.pdf({ format: 'A4', printBackground: true, margin: { top: '14mm', bottom: '14mm', left: '12mm', right: '12mm' } });
      } finally {
        await context.close();
        release();
      }
    },
    async close() {
      if (browser) await (await browser).close();
      browser = null;
    },
  };
}
