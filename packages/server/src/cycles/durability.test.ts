import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../testing/global-setup.ts';

/**
 * Durability: raters save answers concurrently; the app and its embedded PostgreSQL are
 * killed with SIGKILL mid-stream; after a restart every answer whose save had been
 * acknowledged is there.
 */
const repoRoot = path.resolve(import.meta.dirname, '../../../..');
let dataDir = '';
let server: ChildProcess | null = null;

async function startServer(port: number, pgPort: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'packages/server/src/main.ts')], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      EMBEDDED_PG_PORT: String(pgPort),
      DATA_DIR: dataDir,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: 'error',
      RUN_JOBS: 'false',
      RATER_RATE_LIMIT_PER_MINUTE: '1000000',
      RATE_LIMIT_PER_MINUTE: '1000000',
      WEB_DIST_DIR: path.join(dataDir, 'no-web'),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (Date.now() > deadline) throw new Error('server did not become ready');
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

afterAll(async () => {
  server?.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 2000));
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('durability of acknowledged answers', () => {
  it('keeps every acknowledged answer across kill -9 of the app and its database', async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'twofold-durability-'));
    const port = await freePort();
    const pgPort = await freePort();
    server = await startServer(port, pgPort);
    const base = `http://127.0.0.1:${port}`;

    // Rater links of the demo's open cycle, read from the outbox as an admin would.
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@northwind.example', password: 'twofold-demo-password' }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const outbox = (await (await fetch(`${base}/api/admin/outbox`, { headers: { cookie } })).json()) as { messages: { text: string }[] };
    const tokens = [...new Set(outbox.messages.flatMap((m) => [...m.text.matchAll(/\/r\/([\w-]+)/g)].map((x) => x[1]!)))];
    expect(tokens.length).toBeGreaterThan(10);
    const form = (await (await fetch(`${base}/api/r/${tokens[0]}`)).json()) as { survey: { requiredCodes: string[] } };
    const codes = form.survey.requiredCodes.filter((c) => !c.startsWith('O'));

    // Concurrent raters save answers; every 204 is an acknowledgement we must keep.
    const acknowledged: { token: string; code: string; value: number }[] = [];
    let stop = false;
    const rater = async (token: string, offset: number) => {
      for (let i = 0; i < codes.length && !stop; i += 1) {
        const code = codes[i]!;
        const value = ((i + offset) % 5) + 1;
        try {
          const response = await fetch(`${base}/api/r/${token}/answers/${code}`, {
            method: 'PUT',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ value, notObserved: false }),
          });
          if (response.status === 204) acknowledged.push({ token, code, value });
        } catch {
          return; // the server died mid-request: that save was never acknowledged
        }
      }
    };
    const traffic = Promise.all(tokens.map((token, n) => rater(token, n)));
    // Kill both processes while saves are in flight.
    while (acknowledged.length < 150) await new Promise((resolve) => setTimeout(resolve, 5));
    const postmasterPid = Number(readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
    server.kill('SIGKILL');
    process.kill(postmasterPid, 'SIGKILL');
    stop = true;
    await traffic;
    const acknowledgedAtKill = [...acknowledged];
    expect(acknowledgedAtKill.length).toBeGreaterThanOrEqual(150);

    server = await startServer(port, pgPort);
    const missing: string[] = [];
    for (const token of new Set(acknowledgedAtKill.map((a) => a.token))) {
      const after = (await (await fetch(`${base}/api/r/${token}`)).json()) as { answers: Record<string, { value: number | null }> };
      for (const ack of acknowledgedAtKill.filter((a) => a.token === token)) {
        if (after.answers[ack.code]?.value !== ack.value) missing.push(`${token.slice(0, 6)} ${ack.code}`);
      }
    }
    expect(missing).toEqual([]);
  }, 180_000);
});
