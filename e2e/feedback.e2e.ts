import { extractText } from 'unpdf';
import { demo, expect, expectAccessible, logIn, test } from './fixtures.ts';

test('a participant reads their released report and downloads the same figures as PDF', async ({ page }) => {
  await logIn(page, demo.participant.email);
  await page.getByRole('navigation', { name: /main/i }).getByRole('link', { name: 'My feedback' }).click();
  await page.getByRole('link', { name: /Read report/ }).first().click();
  await expect(page.getByRole('heading', { name: `Leadership & management report: ${demo.participant.name}` })).toBeVisible();
  await expect(page.locator('.chart svg').first()).toBeVisible();
  await expectAccessible(page);

  // The numbers on the page are the API's numbers.
  const participantId = page.url().split('/reports/')[1]!;
  const api = await (await page.request.get(`/api/reports/${participantId}`)).json();
  const leadership = api.report.indices.allOthers.leadership.toFixed(2);
  await expect(page.getByRole('row', { name: /Leadership \(L\)/ })).toContainText(leadership);

  const download = await page.request.get(`/api/reports/${participantId}/pdf`);
  expect(download.status()).toBe(200);
  expect(download.headers()['content-type']).toBe('application/pdf');
  const { text: raw } = await extractText(new Uint8Array(await download.body()), { mergePages: true });
  const text = raw.replace(/\s+/g, ' ');
  expect(text).toContain(`Leadership & management report: ${demo.participant.name}`);
  expect(text).toContain(leadership);
  expect(text).toContain(api.report.competencies[0].name);
  // No rater is named in the file.
  expect(text).not.toMatch(/@northwind\.example/);

  // The CSV, through the link on the page, holds the same figure and no rater either.
  const csvDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download figures (CSV)' }).click();
  const csvPath = await (await csvDownload).path();
  const csv = (await import('node:fs')).readFileSync(csvPath, 'utf8');
  expect(csv).toContain(`indices,leadership (1-5),all others,${api.report.indices.allOthers.leadership}`);
  expect(csv).not.toMatch(/@northwind\.example/);
});

test('a rater answers on a phone, leaves half-way, resumes and submits', async ({ page, allowConsoleError }) => {
  // The early submit below is refused with 400 on purpose; the browser logs that response.
  allowConsoleError(/status of 400/);
  await page.setViewportSize({ width: 375, height: 740 });
  await logIn(page, demo.participant.email);
  await page.goto('/my-feedback');
  await page.getByRole('button', { name: /Start feedback self-assessment/ }).click();
  await expect(page.getByRole('heading', { name: 'Your self-assessment' })).toBeVisible();
  await expectAccessible(page);

  const questions = page.locator('fieldset.answer-question');
  const total = await questions.count();
  expect(total).toBe(51); // 45 behaviours + 6 working-style scales
  for (let i = 0; i < 20; i += 1) {
    await questions.nth(i).getByRole('radio').nth(3).check();
    await expect(questions.nth(i).getByText('Saved')).toBeVisible();
  }
  await expect(page.locator('label[for=answer-progress-bar]')).toHaveText('20 of 51 answered');

  // Leave and come back with the same link: the answers are there.
  await page.reload();
  await expect(page.locator('label[for=answer-progress-bar]')).toHaveText('20 of 51 answered');
  await expect(questions.nth(5).getByRole('radio').nth(3)).toBeChecked();

  // Submitting early names what is missing.
  await page.getByRole('button', { name: 'Submit feedback' }).click();
  await expect(page.getByRole('alert')).toContainText('31 question(s) still need an answer');

  for (let i = 20; i < total; i += 1) {
    const question = questions.nth(i);
    await question.getByRole('radio').nth(i % 2 === 0 ? 2 : 4).check();
    await expect(question.getByText('Saved')).toBeVisible();
  }
  await page.getByLabel('What should I keep doing?').fill('Keep the weekly planning meeting.');
  await page.getByLabel('What should I keep doing?').blur();
  await page.getByRole('button', { name: 'Submit feedback' }).click();
  await expect(page.getByText('Your feedback has been submitted')).toBeVisible();
  await page.reload();
  await expect(page.getByText('already submitted')).toBeVisible();
});

test('a wrong link says so plainly', async ({ page, allowConsoleError }) => {
  allowConsoleError(/404/);
  await page.goto('/r/this-is-not-a-real-link-token-at-all');
  await expect(page.getByRole('alert')).toContainText('This feedback link is not valid');
  await expectAccessible(page);
});

test('an admin sees instrument health of the released demo cycle: L separates from M', async ({ page }) => {
  await logIn(page, demo.admin.email);
  await page.goto('/cycles');
  await page.getByRole('link', { name: /Spring 2026/ }).click();
  await expect(page.getByRole('heading', { name: 'Instrument health' })).toBeVisible();
  await expect(page.getByText(/2-factor solution: .* leadership and management separate\./)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Reliability per competency' }).getByRole('row')).toHaveCount(16);
  await expectAccessible(page);
});
