/**
 * Benchmark: the rater's answer-save endpoint (PUT /api/r/:token/answers/:itemCode) under
 * 100 concurrent connections, against a bare Fastify endpoint doing one INSERT on the same
 * PostgreSQL, measured in the same run. Goal: ≥ 0.7× the bare throughput, p99 ≤ 1.5× bare.
 *
 * Run: npx tsx bench/answer-save.ts   (or npm run bench); BENCH_POOL sets both pools (default 10)
 */
import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { loadConfig } from '../packages/server/src/config/config.ts';
import { connectDatabase } from '../packages/server/src/db/client.ts';
import { ensureDatabase, startEmbeddedPostgres } from '../packages/server/src/db/embedded.ts';
import { migrateDatabase } from '../packages/server/src/db/migrate.ts';
import { assignments, cycleParticipants, cycles } from '../packages/server/src/cycles/schema.ts';
import { mintLinks } from '../packages/server/src/cycles/service.ts';
import { buildApp } from '../packages/server/src/http/app.ts';
import { noJobs } from '../packages/server/src/jobs/queue.ts';
import { people } from '../packages/server/src/people/schema.ts';
import { tenants } from '../packages/server/src/tenants/schema.ts';
import { insertPublishedFramework, miniFramework } from '../packages/server/src/testing/cycle-fixtures.ts';

const CONNECTIONS = 100;
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const ASSIGNMENTS = 2000;

interface Result {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function hammer(url: string, paths: string[], body: string, duration = DURATION_S): Promise<Result> {
  let i = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration,
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (request) => {
          i = (i + 1) % paths.length;
          return { ...request, path: paths[i]!, body, method: 'PUT' };
        },
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

/**
 * The servers under test, started in a child process (`--serve`) so that autocannon, in the
 * parent, does not share their event loop. Prints one JSON line with URLs and paths.
 */
async function serve(): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'twofold-bench-pg-'));
  const pg = await startEmbeddedPostgres({ dataDir, port: 54_000 + Math.floor(Math.random() * 900), database: 'bench' });
  await ensureDatabase(pg.adminUrl, 'bench');
  await migrateDatabase(pg.url);
  const database = connectDatabase(pg.url, { max: Number(process.env.BENCH_POOL ?? 10) });
  const { db, sql } = database;

  // Twofold data: one collecting cycle with many rater links.
  const [tenant] = await db.insert(tenants).values({ slug: 'bench', name: 'Bench' }).returning();
  const frameworkId = await insertPublishedFramework(db, tenant!.id);
  const [person] = await db.insert(people).values({ tenantId: tenant!.id, employeeId: 'P', name: 'Pat', email: 'pat@bench.example' }).returning();
  const [cycle] = await db
    .insert(cycles)
    .values({ tenantId: tenant!.id, name: 'Bench', frameworkVersionId: frameworkId, status: 'collecting', deadline: new Date(Date.now() + 86_400_000), settings: { raterGroups: [{ group: 'peers', min: 0, max: 5000 }], anonymity: { groupMinimum: 3, managerMinimum: 1, commentMinimum: 3 }, selfAssessment: false, managerApproval: false, reminderDaysBeforeDeadline: [] } })
    .returning();
  const [participant] = await db.insert(cycleParticipants).values({ tenantId: tenant!.id, cycleId: cycle!.id, personId: person!.id }).returning();
  const rows = await db
    .insert(assignments)
    .values(Array.from({ length: ASSIGNMENTS }, (_, n) => ({ tenantId: tenant!.id, cycleId: cycle!.id, participantId: participant!.id, raterGroup: 'peers' as const, raterEmail: `r${n}@bench.example`, raterName: `R${n}` })))
    .returning({ id: assignments.id });
  const links = await mintLinks(db, tenant!.id, rows.map((r) => r.id));
  const itemCodes = miniFramework.items.map((item) => item.code);
  // Question-major order: concurrent requests come from different raters, as in real use,
  // where one rater's autosaves follow each other rather than arrive all at once.
  const answerPaths = itemCodes.flatMap((code) => [...links.values()].map((token) => `/api/r/${token}/answers/${code}`));

  // Baseline: bare Fastify, one INSERT per request, same PostgreSQL and pool size.
  await sql`create table bare_answers (id bigserial primary key, item text not null, value smallint, created_at timestamptz default now())`;
  const bare = Fastify();
  bare.put('/bare/:item', async (request) => {
    const { item } = request.params as { item: string };
    const { value } = request.body as { value: number };
    await sql`insert into bare_answers (item, value) values (${item}, ${value})`;
    return { ok: true };
  });
  await bare.listen({ port: 0, host: '127.0.0.1' });

  const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: pg.url, RATER_RATE_LIMIT_PER_MINUTE: '100000000', RATE_LIMIT_PER_MINUTE: '100000000' });
  const app = await buildApp({ config, db, sql, jobs: noJobs });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (server: { address: () => unknown }) => (server.address() as { port: number }).port;
  console.log(JSON.stringify({ bareUrl: `http://127.0.0.1:${port(bare.server)}`, appUrl: `http://127.0.0.1:${port(app.server)}`, answerPaths, barePaths: itemCodes.map((c) => `/bare/${c}`) }));
  const stop = async () => {
    await app.close();
    await bare.close();
    await database.close();
    await pg.stop();
    await rm(dataDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
}

export async function runAnswerSaveBench(): Promise<Record<string, unknown>> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const ready = await new Promise<{ bareUrl: string; appUrl: string; answerPaths: string[]; barePaths: string[] }>((resolve, reject) => {
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      // Only whole lines: the JSON line is long and arrives in several chunks.
      const lines = buffer.split('\n').slice(0, -1);
      const line = lines.find((l) => l.startsWith('{'));
      if (line) resolve(JSON.parse(line));
    });
    child.on('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  try {
    console.log(`answer-save: ${CONNECTIONS} connections, ${DURATION_S}s each, ${ready.answerPaths.length} distinct answers, servers in a child process`);
    await hammer(ready.bareUrl, ['/bare/warm'], '{"value":3}', 2);
    await hammer(ready.appUrl, ready.answerPaths.slice(0, 400), '{"value":4,"notObserved":false}', 2);
    const baseline = await hammer(ready.bareUrl, ready.barePaths, '{"value":3}');
    console.log(`  bare INSERT:  ${baseline.requestsPerSecond.toFixed(0)} req/s, p50 ${baseline.p50} ms, p99 ${baseline.p99} ms`);
    const twofold = await hammer(ready.appUrl, ready.answerPaths, '{"value":4,"notObserved":false}');
    console.log(`  answer save:  ${twofold.requestsPerSecond.toFixed(0)} req/s, p50 ${twofold.p50} ms, p99 ${twofold.p99} ms, non-2xx ${twofold.non2xx}`);
    const ratios = { throughput: twofold.requestsPerSecond / baseline.requestsPerSecond, p99: twofold.p99 / Math.max(1, baseline.p99) };
    console.log(`  ratio: throughput ${ratios.throughput.toFixed(2)}× bare (goal ≥ 0.70), p99 ${ratios.p99.toFixed(2)}× bare (goal ≤ 1.50)`);
    return { connections: CONNECTIONS, durationSeconds: DURATION_S, baseline, twofold, ratios, goals: { throughput: 0.7, p99: 1.5 } };
  } finally {
    child.kill('SIGTERM');
  }
}

if (process.argv.includes('--serve')) {
  await serve();
} else if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await runAnswerSaveBench();
  await mkdir(new URL('./results/', import.meta.url), { recursive: true });
  await writeFile(new URL('./results/answer-save.json', import.meta.url), JSON.stringify({ at: new Date().toISOString(), ...result }, null, 2));
}
