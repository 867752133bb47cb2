import { readFileSync } from 'node:fs';
import { demo, expect, expectAccessible, logIn, test } from './fixtures.ts';

test('a manager reads their team report: the team, and only parts of 5 or more', async ({ page }) => {
  await logIn(page, demo.manager.email);
  await page.getByRole('navigation', { name: /main/i }).getByRole('link', { name: 'My team' }).click();
  await expect(page.getByRole('heading', { name: 'My team' })).toBeVisible();
  await expect(page.getByRole('row', { name: /^Leadership \(L\)/ })).toBeVisible();
  await expect(page.getByRole('figure', { name: /People per quadrant/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Priya Shah and their team 6/ })).toBeVisible();
  await expectAccessible(page);
});

test('an admin filters organisation analytics, sees small groups withheld, and downloads the same figures', async ({ page }) => {
  await logIn(page, demo.admin.email);
  await page.getByRole('navigation', { name: /main/i }).getByRole('link', { name: 'Reports' }).click();
  await expect(page.getByRole('heading', { name: 'Reports and analytics' })).toBeVisible();
  await expect(page.getByRole('row', { name: /^Finance/ })).toContainText('Withheld');
  await expectAccessible(page);

  await page.getByLabel('Department', { exact: true }).selectOption('Finance');
  await expect(page.getByText(/Withheld: the selection or what it leaves out has fewer than 5 people/)).toBeVisible();

  await page.getByLabel('Department', { exact: true }).selectOption('Operations');
  const mean = await page.getByRole('row', { name: /^Leadership \(L\)/ }).getByRole('cell').first().textContent();
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download CSV' }).click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  expect(csv).toContain(`index,leadership,mean,${Number(mean)}`);

  await page.getByRole('link', { name: 'Norm groups' }).click();
  await page.getByRole('link', { name: 'Northwind 2026' }).click();
  await expect(page.getByRole('table', { name: /percentiles/ })).toContainText('Leadership index');
  await expect(page.getByRole('heading', { name: 'Instrument health' })).toBeVisible();
  await expectAccessible(page);
});

test('an admin prints every released report of a cycle into one zip, with progress', async ({ page }) => {
  test.setTimeout(180_000);
  await logIn(page, demo.admin.email);
  await page.getByRole('navigation', { name: /main/i }).getByRole('link', { name: 'Cycles' }).click();
  await page.getByRole('link', { name: /Spring 2026 leadership/ }).first().click();
  await page.getByRole('button', { name: 'Print all reports (zip)' }).click();
  await expect(page.getByText(/Printing reports: \d+ of \d+/)).toBeVisible();
  await expectAccessible(page);
  const ready = page.getByRole('status').filter({ hasText: /Ready: \d+ reports/ });
  await expect(ready).toBeVisible({ timeout: 150_000 });
  const total = Number((await ready.textContent())!.match(/Ready: (\d+)/)![1]);
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download zip' }).click();
  const { unzipSync } = await import('fflate');
  const { extractText } = await import('unpdf');
  const files = unzipSync(new Uint8Array(readFileSync(await (await download).path())));
  expect(Object.keys(files)).toHaveLength(total);
  expect(Object.keys(files)).toContain('priya-shah.pdf');
  const { text } = await extractText(files['priya-shah.pdf']!, { mergePages: true });
  expect(text.replace(/\s+/g, ' ')).toContain(`Leadership & management report: ${demo.participant.name}`);
});
