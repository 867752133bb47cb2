import { readFileSync } from 'node:fs';
import { demo, expect, expectAccessible, logIn, test } from './fixtures.ts';

test('an admin clones the default framework, edits it, previews the survey, publishes and exports it', async ({ page, allowConsoleError }) => {
  // The first save below is refused with 400 on purpose; the browser logs that response.
  allowConsoleError(/status of 400/);
  await logIn(page, demo.admin.email);
  await page.getByRole('navigation', { name: /main/i }).getByRole('link', { name: 'Frameworks' }).click();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Open Twofold L/M framework version 1' }).click();

  // The default framework as a readable document.
  await expect(page.getByRole('heading', { name: 'L1 Vision & direction' })).toBeVisible();
  await expect(page.locator('article ol li')).toHaveCount(45);
  await expectAccessible(page);

  // Clone into a draft (version 2) and edit it.
  await page.getByRole('button', { name: 'Create a draft from this version' }).click();
  await expect(page.getByRole('heading', { name: /Edit draft: Twofold L\/M framework v2/ })).toBeVisible();
  await expectAccessible(page);

  const firstItem = page.getByRole('group', { name: 'Item L1.1' });
  await firstItem.getByLabel('Rater wording').fill('{name} tells the team in plain words where we are going.');
  await firstItem.getByLabel('Self wording').fill('I tell the team in plain words where we are going.');

  // A mistake first: the server names the field, and nothing is saved.
  await page.getByRole('button', { name: 'Add an item to L1' }).click();
  const added = page.getByRole('group', { name: 'Item L1.4' });
  await added.getByLabel('Self wording').fill('I check that everyone can say the goal back to me.');
  await added.getByLabel('Rater wording').fill('Checks that everyone can say the goal back.');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByRole('alert')).toContainText('nothing was saved');
  await expect(added.getByLabel('Rater wording')).toHaveAttribute('aria-invalid', 'true');
  await expect(added.getByText('rater wording must name the participant with {name}')).toBeVisible();
  await expectAccessible(page);

  await added.getByLabel('Rater wording').fill('{name} checks that everyone can say the goal back.');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

  // Preview as a rater sees it, with a participant's name.
  await page.getByRole('link', { name: 'Preview survey' }).click();
  await page.getByLabel("Participant's name").fill('Sam Lee');
  await expect(page.getByRole('group', { name: 'Sam Lee tells the team in plain words where we are going.' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Sam Lee checks that everyone can say the goal back.' })).toBeVisible();
  await page.getByRole('group', { name: 'Sam Lee checks that everyone can say the goal back.' }).getByLabel('Often').check();
  await expectAccessible(page);
  await page.getByLabel('Form', { exact: true }).selectOption('self');
  await expect(page.getByRole('group', { name: 'I tell the team in plain words where we are going.' })).toBeVisible();

  // Compare with version 1, then publish.
  await page.getByRole('link', { name: 'Back to the framework' }).click();
  await page.getByRole('link', { name: 'Compare versions' }).click();
  await expect(page.getByText('Added: L1.4')).toBeVisible();
  await expect(page.getByRole('row', { name: /L1\.1 rater/ })).toContainText('tells the team in plain words');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Back to the framework' }).click();

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.locator('.page-head .status-badge')).toHaveText('published');
  await expect(page.getByRole('link', { name: 'Edit draft' })).toHaveCount(0);
  await expect(page.locator('article ol li')).toHaveCount(46);

  // Export: the file holds the new wording.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export JSON' }).click();
  const exported = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
  expect(exported).toMatchObject({ key: 'twofold-lm', version: 2, status: 'published' });
  expect(exported.items.find((i: { code: string }) => i.code === 'L1.1').rater.en).toBe('{name} tells the team in plain words where we are going.');
  expect(exported.items).toHaveLength(46);
});
