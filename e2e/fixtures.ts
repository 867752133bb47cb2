import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'twofold-demo-password';
export const demo = {
  admin: { email: 'admin@northwind.example', name: 'Jamal Reed' },
  participant: { email: 'participant@northwind.example', name: 'Priya Shah' },
  manager: { email: 'manager@northwind.example', name: 'Morgan Ellis' },
  coach: { email: 'coach@northwind.example', name: 'Sofia Lindqvist' },
};

/**
 * Every page fixture fails its test on any console error or uncaught page error, unless
 * the test declares it expected with `allowConsoleError(pattern)`.
 */
export const test = base.extend<{ allowConsoleError: (pattern: RegExp) => void }>({
  allowConsoleError: [
    async ({ page }, use) => {
      const allowed: RegExp[] = [];
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
      await use((pattern) => allowed.push(pattern));
      const unexpected = errors.filter((text) => !allowed.some((pattern) => pattern.test(text)));
      expect(unexpected, 'console errors in the browser').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Fails on any serious or critical accessibility violation on the current page. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const severe = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    severe.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    `accessibility violations on ${page.url()}`,
  ).toEqual([]);
}

export async function logIn(page: Page, email: string, password = DEMO_PASSWORD, options: { expectSuccess?: boolean } = {}): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  if (options.expectSuccess ?? true) await expect(page.getByRole('heading', { name: /^Welcome, / })).toBeVisible();
}
