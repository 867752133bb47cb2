/**
 * Benchmark: the individual report as JSON (goal p50 < 30 ms) and as PDF from the warm
 * browser (goal p50 < 0.5 s), on the demo data, over HTTP against the real app started as
 * a child process. Baselines measured in the same run: GET /healthz for the JSON, and the
 * same Chromium printing a static page of the app (the log-in page) for the PDF.
 *
 * Run: npm run bench -- report
 */
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import chromium from '@sparticuz/chromium';
import { chromium as playwright } from 'playwright-core';

const PORT = 3350;
const JSON_RUNS = 300;
const PDF_RUNS = 12;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

async function measure(runs: number, call: () => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await call();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), runs };
}

export async function runReportBench(): Promise<Record<string, unknown>> {
  const dataDir = path.join(os.tmpdir(), `twofold-bench-report-${PORT}`);
  await rm(dataDir, { recursive: true, force: true });
  const base = `http://127.0.0.1:${PORT}`;
  // Its own embedded database, seeded with the demo organisation.
  const { DATABASE_URL: _external, ...env } = process.env;
  const server = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts'], {
    env: { ...env, PORT: String(PORT), DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(PORT + 51_000), PUBLIC_URL: base, LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '100000' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    for (let i = 0; ; i += 1) {
      if (i > 600) throw new Error('the app did not start');
      try {
        if ((await fetch(`${base}/readyz`)).ok) break;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: JSON.stringify({ email: 'participant@northwind.example', password: 'twofold-demo-password' }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { reports } = (await (await fetch(`${base}/api/me/reports`, { headers: { cookie } })).json()) as { reports: { participantId: string }[] };
    const reportUrl = `${base}/api/reports/${reports[0]!.participantId}`;
    await fetch(reportUrl, { headers: { cookie } }); // the first view stores nothing new: the snapshot exists

    const health = await measure(JSON_RUNS, async () => (await fetch(`${base}/healthz`)).arrayBuffer());
    const json = await measure(JSON_RUNS, async () => (await fetch(reportUrl, { headers: { cookie } })).arrayBuffer());
    console.log(`report: JSON p50 ${json.p50.toFixed(1)} ms, p95 ${json.p95.toFixed(1)} ms (goal p50 < 30 ms); /healthz p50 ${health.p50.toFixed(1)} ms; ratio ${(json.p50 / health.p50).toFixed(1)}×`);

    // Warm the browser and both of its page slots; Chromium caches the compiled scripts of a
    // page from its third load, which is slow once.
    for (let round = 0; round < 3; round += 1) {
      await Promise.all([fetch(`${reportUrl}/pdf`, { headers: { cookie } }), fetch(`${reportUrl}/pdf`, { headers: { cookie } })]);
    }
    const pdf = await measure(PDF_RUNS, async () => {
      const response = await fetch(`${reportUrl}/pdf`, { headers: { cookie } });
      if (response.status !== 200) throw new Error(`PDF answered ${response.status}`);
      await response.arrayBuffer();
    });
    const browser = await playwright.launch({ executablePath: await chromium.executablePath(), args: chromium.args.filter((f) => f !== '--single-process'), headless: true });
    const context = await browser.newContext();
    const printStatic = async () => {
      const page = await context.newPage();
      await page.goto(`${base}/login`, { waitUntil: 'load' });
      await page.waitForSelector('form');
      await page.pdf({ format: 'A4' });
      await page.close();
    };
    await printStatic();
    const staticPdf = await measure(PDF_RUNS, printStatic);
    await browser.close();
    console.log(`report: PDF p50 ${pdf.p50.toFixed(0)} ms, p95 ${pdf.p95.toFixed(0)} ms (goal p50 < 500 ms); static page to PDF p50 ${staticPdf.p50.toFixed(0)} ms; ratio ${(pdf.p50 / staticPdf.p50).toFixed(1)}×`);
    return {
      json: { ...json, goalP50Ms: 30 },
      healthzBaseline: health,
      jsonRatio: json.p50 / health.p50,
      pdf: { ...pdf, goalP50Ms: 500 },
      staticPdfBaseline: staticPdf,
      pdfRatio: pdf.p50 / staticPdf.p50,
    };
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    await rm(dataDir, { recursive: true, force: true });
  }
}
