import chromium from '@sparticuz/chromium';
import { defineConfig } from '@playwright/test';

/**
 * Browser tests drive the Chromium build shipped by the @sparticuz/chromium npm package
 * (docs/decisions/0002-chromium-from-npm.md): no `playwright install`, no apt.
 * The app under test is the real server with its own embedded PostgreSQL under /tmp.
 */
const port = Number(process.env.E2E_PORT ?? 3107);
const pgPort = Number(process.env.E2E_PG_PORT ?? 54407);
export const baseURL = `http://localhost:${port}`;

// Flags meant for serverless sandboxes that we do not want in tests: they weaken the
// same-origin policy or force a single process.
const droppedFlags = new Set(['--single-process', '--disable-web-security', '--allow-running-insecure-content']);

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.e2e.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: await chromium.executablePath(),
      args: chromium.args.filter((flag) => !droppedFlags.has(flag)),
    },
  },
  webServer: {
    command: 'tsx e2e/start-test-server.ts',
    url: `${baseURL}/readyz`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      EMBEDDED_PG_PORT: String(pgPort),
      PUBLIC_URL: baseURL,
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'true',
      RATE_LIMIT_PER_MINUTE: '100000',
    },
  },
});
