import { demo, expect, expectAccessible, logIn, test } from './fixtures.ts';

test('an admin logs in, sees the admin home and navigation, and logs out', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
  await expectAccessible(page);

  await logIn(page, demo.admin.email);
  await expect(page.getByRole('heading', { name: `Welcome, ${demo.admin.name}` })).toBeVisible();
  const nav = page.getByRole('navigation', { name: /main/i });
  for (const section of ['People', 'Cycles', 'Frameworks', 'Outbox', 'Users']) {
    await expect(nav.getByRole('link', { name: section })).toBeVisible();
  }
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
});

test('a participant sees their own home without admin sections', async ({ page }) => {
  await logIn(page, demo.participant.email);
  await expect(page.getByRole('heading', { name: `Welcome, ${demo.participant.name}` })).toBeVisible();
  const nav = page.getByRole('navigation', { name: /main/i });
  await expect(nav.getByRole('link', { name: 'My feedback' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Users' })).toHaveCount(0);
  await expectAccessible(page);
});

test('a wrong password shows the server message and stays on the log-in page', async ({ page, allowConsoleError }) => {
  // The browser logs the 401 response of the failed log-in as a console error.
  allowConsoleError(/401/);
  await logIn(page, demo.admin.email, 'wrong-password-here', { expectSuccess: false });
  await expect(page.getByRole('alert')).toContainText('do not match');
  await expect(page).toHaveURL(/\/login/);
});

test('an admin imports people: a bad CSV shows line and column and stores nothing, a good one is added', async ({ page, allowConsoleError }) => {
  allowConsoleError(/status of 400/);
  await logIn(page, demo.admin.email);
  await page.getByRole('navigation', { name: /main/i }).getByRole('link', { name: 'People' }).click();
  await expect(page.getByRole('heading', { name: 'People', level: 1 })).toBeVisible();
  const header = 'employee_id,name,email,manager_employee_id,department,level,location';
  await page.getByLabel('Or paste the CSV').fill(`${header}\nX1,Xena New,xena@northwind.example,E002,Operations,Team member,London\nX2,Yuri New,not-an-email,E002,Operations,Team member,London`);
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('alert')).toContainText('Nothing was imported');
  await expect(page.getByRole('table', { name: 'Problems in the file' })).toContainText('not a valid email address');
  await expect(page.getByRole('cell', { name: 'Xena New' })).toHaveCount(0);
  await expectAccessible(page);

  await page.getByLabel('Or paste the CSV').fill(`${header}\nX1,Xena New,xena@northwind.example,E002,Operations,Team member,London`);
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toContainText('1 added');
  await expect(page.getByText('xena@northwind.example')).toBeVisible();
});
