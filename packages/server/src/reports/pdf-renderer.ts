import chromium from '@sparticuz/chromium';
import { chromium as playwright, type Browser, type BrowserContext, type Page } from 'playwright-core';

/**
 * Turns report pages into PDFs with headless Chromium from the @sparticuz/chromium npm
 * package (docs/decisions/0002). One warm browser is shared; at most `maxPages` pages render
 * at once, others wait their turn, so a burst of downloads cannot exhaust memory.
 *
 * The PDF is the report page itself, printed: it loads the same /reports/:id page with the
 * requester's own session cookie, so it shows exactly what they may see, no more.
 * (API responses are sent with no-store, so a reused context caches scripts, not data.)
 */
export interface PdfRenderer {
  renderReport: (input: { sessionToken: string; participantId: string }) => Promise<Buffer>;
  close: () => Promise<void>;
}

const droppedFlags = new Set(['--single-process', '--disable-web-security', '--allow-running-insecure-content']);

export function createPdfRenderer(options: { baseUrl: string; cookieName: string; maxPages?: number }): PdfRenderer {
  let browser: Promise<Browser> | null = null;
  const maxPages = options.maxPages ?? 2;
  // One browser context and page per slot, reused: a new page costs ~150 ms and a cold
  // cache another third of a render. A slot prints one report at a time; its cookies are
  // cleared and set again for every render, so one requester never prints as another, and
  // each render is a full navigation, so nothing of the previous page survives.
  interface Slot {
    context: BrowserContext;
    page: Page;
  }
  const freeSlots: Slot[] = [];
  let slotsMade = 0;
  const waiting: ((slot: Slot) => void)[] = [];

  const getBrowser = () => {
    browser ??= chromium.executablePath().then((executablePath) =>
      playwright.launch({ executablePath, args: chromium.args.filter((flag) => !droppedFlags.has(flag)), headless: true }),
    );
    return browser;
  };
  const newSlot = async (): Promise<Slot> => {
    const context = await (await getBrowser()).newContext();
    const page = await context.newPage();
    await page.emulateMedia({ media: 'print' });
    return { context, page };
  };
  const acquire = async (): Promise<Slot> => {
    const free = freeSlots.pop();
    if (free) return free;
    if (slotsMade < maxPages) {
      slotsMade += 1;
      return newSlot();
    }
    return new Promise((resolve) => waiting.push(resolve));
  };
  const release = (slot: Slot) => {
    const next = waiting.shift();
    if (next) next(slot);
    else freeSlots.push(slot);
  };

  return {
    async renderReport({ sessionToken, participantId }) {
      let slot = await acquire();
      try {
        const url = new URL(options.baseUrl);
        await slot.context.clearCookies();
        await slot.context.addCookies([{ name: options.cookieName, value: sessionToken, domain: url.hostname, path: '/', httpOnly: true, sameSite: 'Lax' }]);
        // Not "networkidle": it waits half a second after the last request, every time. The
        // report renders all at once when its data arrives, so its first chart means done.
        await slot.page.goto(`${options.baseUrl}/reports/${encodeURIComponent(participantId)}`, { waitUntil: 'commit' });
        await slot.page.waitForSelector('article.report .chart svg', { state: 'attached', timeout: 15_000 });
        return await slot.page.pdf({ format: 'A4', printBackground: true, margin: { top: '14mm', bottom: '14mm', left: '12mm', right: '12mm' } });
      } catch (error) {
        // A page in an unknown state is not reused.
        await slot.context.close().catch(() => {});
        slot = await newSlot();
        throw error;
      } finally {
        // Leave the report and forget the session before the slot serves anyone else, but
        // after the PDF is on its way: the requester does not wait for the tidying. The page
        // waits on a same-origin page (not about:blank, which costs the next report a new
        // renderer process: ~90 ms a PDF).
        const used = slot;
        void (async () => {
          await used.page.goto(`${options.baseUrl}/healthz`).catch(() => {});
          await used.context.clearCookies().catch(() => {});
          release(used);
        })();
      }
    },
    async close() {
      if (browser) await (await browser).close();
      browser = null;
      freeSlots.length = 0;
      slotsMade = 0;
    },
  };
}
