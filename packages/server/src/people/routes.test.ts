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

  it('is for admins only', async () => {
    const participant = new TestClient(t.app);
    await participant.logIn(org.participant.email, TEST_PASSWORD);
    expect((await participant.post('/api/admin/people/import', { csv: forty })).statusCode).toBe(403);
    expect((await participant.get('/api/admin/people/export.csv')).statusCode).toBe(403);
  });
});
