import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTenant, TEST_PASSWORD, type TestTenant } from '../testing/fixtures.ts';
import { createTestApp, TestClient, type TestApp } from '../testing/test-app.ts';

let t: TestApp;
let org: TestTenant;
let admin: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestTenant(t.database.db, 'ppl');
  admin = new TestClient(t.app);
  await admin.logIn(org.admin.email, TEST_PASSWORD);
});
afterAll(() => t.close());

const header = 'employee_id,name,email,manager_employee_id,department,level,location';
const forty = [header, 'H1,Head One,head1@ppl.example,,Exec,Director,London', ...Array.from({ length: 39 }, (_, i) => `E${i + 2},Person ${i + 2},p${i + 2}@ppl.example,H1,Ops,Team,London`)].join('\n');

describe('people import through the API', () => {
  it('imports 40 people, then updates by employee id on re-import', async () => {
    const first = await admin.post('/api/admin/people/import', { csv: forty });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ created: 40, updated: 0, unchanged: 0, untouched: 2 });
    const again = await admin.post('/api/admin/people/import', { csv: forty.replace('Person 2,', 'Person Two,').replace('p3@ppl.example,H1', 'p3@ppl.example,E2') });
    expect(again.json()).toEqual({ created: 0, updated: 2, unchanged: 38, untouched: 2 });
    const list = (await admin.get('/api/admin/people')).json().people as { employeeId: string; name: string; managerEmployeeId: string | null }[];
    expect(list.find((p) => p.employeeId === 'E2')?.name).toBe('Person Two');
    expect(list.find((p) => p.employeeId === 'E3')?.managerEmployeeId).toBe('E2');
  });

  it('stores nothing from a file with any bad line, and says where', async () => {
    const before = (await admin.get('/api/admin/people')).json().people.length;
    const bad = `${header}\nN1,New One,new1@ppl.example,,,,\nN2,New Two,broken-email,,,,\nN3,New Three,new3@ppl.example,NOPE,,,\n`;
    const response = await admin.post('/api/admin/people/import', { csv: bad });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('csv_invalid');
    expect(response.json().error.details.problems).toEqual([{ line: 3, column: 'email', message: '"broken-email" is not a valid email address.' }]);
    const cycle = await admin.post('/api/admin/people/import', { csv: `${header}\nN1,New One,new1@ppl.example,N2,,,\nN2,New Two,new2@ppl.example,N1,,,\n` });
    expect(cycle.json().error.details.problems[0]).toMatchObject({ line: 2, column: "manager's employee id" });
    expect((await admin.get('/api/admin/people')).json().people).toHaveLength(before);
  });

  it('exports the import format, which imports back unchanged', async () => {
    const exported = await admin.get('/api/admin/people/export.csv');
    expect(exported.headers['content-type']).toContain('text/csv');
    expect(exported.body.split('\r\n')[0]).toBe(header);
    const back = await admin.post('/api/admin/people/import', { csv: exported.body });
    expect(back.json()).toMatchObject({ created: 0, updated: 0 });
  });

  it('adds and edits one person with the import\'s rules, naming each bad field', async () => {
    const person = { employeeId: 'X1', name: 'Manual One', email: 'Manual1@PPL.example', managerEmployeeId: 'H1', department: 'Ops', level: 'Team', location: 'Leeds' };
    const added = await admin.post('/api/admin/people', person);
    expect(added.statusCode, added.body).toBe(201);
    const list = () => admin.get('/api/admin/people').then((r) => r.json().people as { id: string; employeeId: string; email: string; managerEmployeeId: string | null; location: string }[]);
    const stored = (await list()).find((p) => p.employeeId === 'X1')!;
    expect(stored).toMatchObject({ email: 'manual1@ppl.example', managerEmployeeId: 'H1', location: 'Leeds' });

    const before = await list();
    const duplicate = await admin.post('/api/admin/people', { ...person, email: 'p2@ppl.example', managerEmployeeId: 'NOPE' });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual(['/employeeId']);
    const badEmail = await admin.post('/api/admin/people', { ...person, employeeId: 'X2', email: 'not-an-email' });
    expect(badEmail.json().error.details.issues).toEqual([{ path: '/email', message: '"not-an-email" is not a valid email address.' }]);
    const taken = await admin.post('/api/admin/people', { ...person, employeeId: 'X2', email: 'p2@ppl.example' });
    expect(taken.json().error.details.issues).toEqual([{ path: '/email', message: 'p2@ppl.example already belongs to employee E2.' }]);
    const noManager = await admin.post('/api/admin/people', { ...person, employeeId: 'X2', email: 'm2@ppl.example', managerEmployeeId: 'NOPE' });
    expect(noManager.json().error.details.issues).toEqual([{ path: '/managerEmployeeId', message: 'No person has employee id NOPE.' }]);
    expect(await list()).toEqual(before);

    // Edit: the head now reports to M1, who reports to the head: a reporting cycle.
    const head = before.find((p) => p.employeeId === 'H1')!;
    const { employeeId: _key, ...fields } = person;
    const loop = await admin.request({ method: 'PUT', url: `/api/admin/people/${head.id}`, payload: { ...fields, name: 'Head One', email: 'head1@ppl.example', managerEmployeeId: 'X1' } });
    expect(loop.statusCode).toBe(400);
    expect(loop.json().error.details.issues[0]).toMatchObject({ path: '/managerEmployeeId', message: expect.stringContaining('Reporting cycle') });
    const moved = await admin.request({ method: 'PUT', url: `/api/admin/people/${stored.id}`, payload: { ...fields, location: 'York', managerEmployeeId: null } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await list()).find((p) => p.employeeId === 'X1')).toMatchObject({ location: 'York', managerEmployeeId: null });
  });

  it('resolves a CSV of employee ids to people, refusing the whole file for an unknown id', async () => {
    const ok = await admin.post('/api/admin/people/resolve', { csv: '\uFEFFemployee_id;note\nE2;x\nE5;y\n' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().people.map((p: { employeeId: string }) => p.employeeId)).toEqual(['E2', 'E5']);
    const bad = await admin.post('/api/admin/people/resolve', { csv: 'employee_id\nE2\nZZ9\nE2\n' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.problems).toEqual([{ line: 4, column: 'employee id', message: 'Employee id E2 is already listed on line 2.' }]);
    const unknown = await admin.post('/api/admin/people/resolve', { csv: 'employee_id\nE2\nZZ9\n' });
    expect(unknown.json().error.details.problems).toEqual([{ line: 3, column: 'employee id', message: 'No person has employee id ZZ9.' }]);
    const noHeader = await admin.post('/api/admin/people/resolve', { csv: 'name\nBob\n' });
    expect(noHeader.json().error.details.problems[0]).toMatchObject({ line: 1, column: 'employee id' });
  });

  it('gives a person the account of the same email, whichever comes first', async () => {
    const { people } = await import('./schema.ts');
    const { eq } = await import('drizzle-orm');
    const userOf = async (email: string) => (await t.database.db.select().from(people).where(eq(people.email, email)))[0]?.userId ?? null;
    expect(await userOf('p5@ppl.example')).toBeNull();
    const invited = await admin.post('/api/admin/users/invitations', { email: 'p5@ppl.example', name: 'Person 5', roles: ['participant'] });
    expect(invited.statusCode, invited.body).toBe(201);
    expect(await userOf('p5@ppl.example')).toBe(invited.json().user.id);

    const early = await admin.post('/api/admin/users/invitations', { email: 'later@ppl.example', name: 'Later', roles: ['participant'] });
    await admin.post('/api/admin/people', { employeeId: 'L9', name: 'Later', email: 'later@ppl.example', managerEmployeeId: null, department: '', level: '', location: '' });
    expect(await userOf('later@ppl.example')).toBe(early.json().user.id);
  });

  it('is for admins only', async () => {
    const participant = new TestClient(t.app);
    await participant.logIn(org.participant.email, TEST_PASSWORD);
    expect((await participant.post('/api/admin/people/import', { csv: forty })).statusCode).toBe(403);
    expect((await participant.get('/api/admin/people/export.csv')).statusCode).toBe(403);
  });
});
