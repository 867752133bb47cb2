/**
 * Benchmark: organisation analytics on a generated organisation of 50,000 people and
 * 500,000 rater responses (bench/generate-org.ts), for several filter sets, next to a bare
 * SQL aggregate over the same released results measured in the same run. Goal: < 2 s.
 *
 * Run: npm run bench -- org-analytics   (BENCH_PEOPLE to change the size)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { connectDatabase } from '../packages/server/src/db/client.ts';
import { startEmbeddedPostgres } from '../packages/server/src/db/embedded.ts';
import { migrateDatabase } from '../packages/server/src/db/migrate.ts';
import { loadDefaultFramework } from '../packages/server/src/frameworks/load-default-framework.ts';
import { ensureBuiltInFramework } from '../packages/server/src/frameworks/store.ts';
import type { Actor } from '../packages/server/src/policies/policies.ts';
import { organisationAnalytics } from '../packages/server/src/reports/analytics-service.ts';
import { generateOrganisation } from './generate-org.ts';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 50_000);
const RATERS = 10;
const RUNS = 5;

async function time(run: () => Promise<unknown>): Promise<{ median: number; best: number }> {
  await run(); // warm
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, best: times[0]! };
}

export async function runOrgAnalyticsBench(): Promise<Record<string, unknown>> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'twofold-bench-org-'));
  const pg = await startEmbeddedPostgres({ dataDir, port: 55_000 + Math.floor(Math.random() * 900), database: 'bench' });
  try {
    await migrateDatabase(pg.url);
    const database = connectDatabase(pg.url, { max: 10 });
    const framework = loadDefaultFramework();
    const frameworkVersionId = await ensureBuiltInFramework(database.db, framework);
    console.log(`org analytics: generating ${PEOPLE} people and ${PEOPLE * RATERS} responses`);
    const generateStart = performance.now();
    const org = await generateOrganisation(database.sql, { people: PEOPLE, ratersPerPerson: RATERS, frameworkVersionId, competencyCodes: framework.competencies });
    console.log(`  generated in ${((performance.now() - generateStart) / 1000).toFixed(1)} s`);
    const actor: Actor = { userId: org.adminUserId, tenantId: org.tenantId, email: 'admin@bench.example', name: 'Bench Admin', roles: ['admin'], isManager: false, personId: null };

    const baseline = await time(
      () => database.sql`
        select p.department, count(*), avg(r.leadership_others), avg(r.management_others),
               percentile_cont(array[0.25, 0.5, 0.75]) within group (order by r.leadership_others)
          from report_results r join people p on p.id = r.person_id
         where r.tenant_id = ${org.tenantId} and r.cycle_id = ${org.cycleIds[0]}
         group by p.department`,
    );
    console.log(`  baseline (bare SQL aggregate by department): median ${baseline.median.toFixed(0)} ms`);
    const cases: [string, Parameters<typeof organisationAnalytics>[2]][] = [
      ['whole organisation', {}],
      ['one department', { department: 'Sales' }],
      ['department + level + location', { department: 'Operations', level: 'Manager', location: 'London' }],
      ['whole organisation + trend', { compareCycleId: org.cycleIds[1] }],
    ];
    const results: Record<string, unknown>[] = [];
    for (const [name, query] of cases) {
      let shownPeople = 0;
      const timing = await time(async () => {
        const view = await organisationAnalytics(database.db, actor, { cycleId: org.cycleIds[0], ...query });
        shownPeople = view.result?.showable ? view.result.summary.n : 0;
      });
      const ratio = timing.median / baseline.median;
      console.log(`  ${name.padEnd(32)} median ${timing.median.toFixed(0).padStart(5)} ms (${ratio.toFixed(1)}× bare SQL), ${shownPeople} people, goal < 2000 ms`);
      results.push({ name, medianMs: timing.median, bestMs: timing.best, ratioToBareSql: ratio, people: shownPeople });
    }
    await database.close();
    return { people: org.people, responses: org.responses, baselineMedianMs: baseline.median, cases: results, goalMs: 2000 };
  } finally {
    await pg.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
