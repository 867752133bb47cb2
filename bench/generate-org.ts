/**
 * Generates a large organisation for the analytics benchmark: people in a reporting tree
 * with departments, levels and locations; two released cycles; rater responses (assignment
 * rows, submitted) and, per participant, the released results that release writes
 * (report_results) — drawn from a seeded model where L and M correlate about .45.
 * Item-level answers are not generated: analytics read released results only.
 */
import { randomUUID } from 'node:crypto';
import type { Sql } from '../packages/server/src/db/client.ts';

export interface GeneratedOrganisation {
  tenantId: string;
  adminUserId: string;
  cycleIds: [string, string];
  people: number;
  responses: number;
  departments: string[];
}

const DEPARTMENTS = ['Operations', 'Sales', 'Finance', 'Engineering', 'Marketing', 'People', 'Legal', 'Support', 'Logistics', 'Product', 'Data', 'Procurement'];
const LEVELS = ['Team member', 'Specialist', 'Manager', 'Senior manager', 'Director'];
const LOCATIONS = ['London', 'Madrid', 'Paris', 'Manchester', 'Stockholm', 'Berlin', 'Lisbon', 'Dublin'];
const QUADRANT = (l: number, m: number) => (l >= 3.5 ? (m >= 3.5 ? 'Integrator' : 'Visionary') : m >= 3.5 ? 'Administrator' : 'Emerging');

/** A small seeded generator (mulberry32) with normal draws, so runs are comparable. */
function random(seed: number) {
  let a = seed >>> 0;
  const uniform = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  return { uniform, normal, pick: <T>(list: T[]) => list[Math.floor(uniform() * list.length)]! };
}

function progress(label: string, done: number, total: number) {
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stdout.write(`\r  ${label.padEnd(22)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
  if (done === total) process.stdout.write('\n');
}

async function insertInChunks(sql: Sql, table: string, rows: Record<string, unknown>[], label: string, chunk = 4000) {
  for (let i = 0; i < rows.length; i += chunk) {
    await sql`insert into ${sql(table)} ${sql(rows.slice(i, i + chunk) as Record<string, string>[])}`;
    progress(label, Math.min(i + chunk, rows.length), rows.length);
  }
}

export async function generateOrganisation(sql: Sql, options: { people: number; ratersPerPerson: number; frameworkVersionId: string; competencyCodes: { code: string; capability: string }[] }): Promise<GeneratedOrganisation> {
  const rng = random(20261123);
  const tenantId = randomUUID();
  await sql`insert into tenants (id, slug, name) values (${tenantId}, ${`bench-${tenantId.slice(0, 8)}`}, 'Bench Org')`;
  const adminUserId = randomUUID();
  await sql`insert into users (id, tenant_id, email, name, roles, status) values (${adminUserId}, ${tenantId}, ${`admin-${tenantId.slice(0, 8)}@bench.example`}, 'Bench Admin', ${['admin']}, 'active')`;

  // A reporting tree: each person's manager is someone earlier in the list.
  const people = Array.from({ length: options.people }, (_, i) => ({
    id: randomUUID(),
    tenant_id: tenantId,
    employee_id: `B${String(i).padStart(6, '0')}`,
    name: `Person ${i}`,
    email: `p${i}@bench.example`,
    department: rng.pick(DEPARTMENTS),
    level: LEVELS[Math.min(LEVELS.length - 1, Math.floor(-Math.log(1 - rng.uniform()) * 0.9))]!,
    location: rng.pick(LOCATIONS),
    manager_id: null as string | null,
  }));
  for (let i = 1; i < people.length; i += 1) people[i]!.manager_id = people[Math.floor(rng.uniform() * Math.min(i, Math.max(1, i / 8)))]!.id;
  await insertInChunks(sql, 'people', people, 'people');

  const settings = { raterGroups: [{ group: 'peers', min: 0, max: 20 }], anonymity: { groupMinimum: 3, managerMinimum: 1, commentMinimum: 3 }, selfAssessment: true, managerApproval: false, reminderDaysBeforeDeadline: [] };
  const cycleIds: [string, string] = [randomUUID(), randomUUID()];
  const now = Date.now();
  for (const [index, id] of cycleIds.entries()) {
    const closedAt = new Date(now - (index === 0 ? 30 : 400) * 86_400_000).toISOString();
    await sql`insert into cycles (id, tenant_id, name, framework_version_id, status, settings, deadline, closed_at, released_at)
              values (${id}, ${tenantId}, ${index === 0 ? 'Bench 2026' : 'Bench 2025'}, ${options.frameworkVersionId}, 'released', ${JSON.stringify(settings)}::jsonb, ${closedAt}, ${closedAt}, ${closedAt})`;
  }

  let responses = 0;
  for (const [index, cycleId] of cycleIds.entries()) {
    const participants = people.map((p) => ({ id: randomUUID(), tenant_id: tenantId, cycle_id: cycleId, person_id: p.id, nomination_status: 'approved', released_at: new Date(now).toISOString() }));
    await insertInChunks(sql, 'cycle_participants', participants, `participants ${index + 1}`);
    if (index === 0) {
      const assignments = participants.flatMap((participant, i) =>
        Array.from({ length: options.ratersPerPerson }, (_, r) => ({
          id: randomUUID(),
          tenant_id: tenantId,
          cycle_id: cycleId,
          participant_id: participant.id,
          rater_group: r === 0 ? 'self' : 'peers',
          rater_email: `p${(i + r * 7919) % people.length}@bench.example`,
          rater_name: `Rater ${r}`,
          status: 'submitted',
        })),
      );
      responses = assignments.length;
      await insertInChunks(sql, 'assignments', assignments, 'responses');
    }
    const shift = index === 0 ? 0.1 : 0;
    const results = participants.map((participant) => {
      const z1 = rng.normal();
      const z2 = rng.normal();
      const l = 3.4 + shift + 0.5 * z1;
      const m = 3.5 + 0.5 * (0.45 * z1 + Math.sqrt(1 - 0.45 ** 2) * z2);
      const clamp = (x: number) => Math.round(Math.min(5, Math.max(1, x)) * 100) / 100;
      const competencies = Object.fromEntries(
        options.competencyCodes.map((c) => {
          const base = c.capability === 'L' ? l : c.capability === 'M' ? m : (l + m) / 2;
          const others = clamp(base + 0.3 * rng.normal());
          return [c.code, [clamp(others + 0.2 + 0.4 * rng.normal()), others]];
        }),
      );
      return {
        participant_id: participant.id,
        tenant_id: tenantId,
        cycle_id: cycleId,
        person_id: participant.person_id,
        leadership_self: clamp(l + 0.25),
        management_self: clamp(m + 0.2),
        leadership_others: clamp(l),
        management_others: clamp(m),
        quadrant: QUADRANT(clamp(l), clamp(m)),
        competencies: JSON.stringify(competencies),
      };
    });
    await insertInChunks(sql, 'report_results', results as unknown as Record<string, unknown>[], `released results ${index + 1}`);
  }
  await sql`analyze`;
  return { tenantId, adminUserId, cycleIds, people: people.length, responses, departments: DEPARTMENTS };
}
