/**
 * The e2e mailbox: what the real SMTP server started by start-test-server.ts received,
 * decoded just enough to read subjects, text and links.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from '@playwright/test';

const port = process.env.E2E_PORT ?? '3107';
export const dataDirectory = () => path.join(os.tmpdir(), `twofold-e2e-${port}`);
export const mailboxDirectory = () => path.join(os.tmpdir(), `twofold-e2e-${port}-mail`);

export interface Mail {
  to: string[];
  subject: string;
  text: string;
}

/** Quoted-printable, as nodemailer writes long or non-ASCII text. */
function decodeQuotedPrintable(text: string): string {
  const bytes = text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

function decodeSubject(raw: string): string {
  const folded = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw)?.[1] ?? '';
  return folded
    .replace(/\r?\n[ \t]/g, ' ')
    .replace(/=\?utf-8\?Q\?(.*?)\?=/gi, (_m, q: string) => decodeQuotedPrintable(q.replaceAll('_', ' ')))
    .replace(/=\?utf-8\?B\?(.*?)\?=/gi, (_m, b: string) => Buffer.from(b, 'base64').toString('utf8'))
    .replace(/\?=\s+=\?/g, '');
}

export function readMailbox(): Mail[] {
  const dir = mailboxDirectory();
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .map((file) => JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as { to: string[]; raw: string })
    .map(({ to, raw }) => ({ to, subject: decodeSubject(raw), text: decodeQuotedPrintable(raw.slice(raw.search(/\r?\n\r?\n/))) }));
}

/** Mail to one address, waiting for delivery (a pg-boss job sends it through SMTP). */
export async function mailTo(address: string, options: { subject: RegExp; count?: number }): Promise<Mail[]> {
  let found: Mail[] = [];
  await expect
    .poll(
      () => {
        found = readMailbox().filter((m) => m.to.includes(address) && options.subject.test(m.subject));
        return found.length;
      },
      { message: `mail to ${address} matching ${options.subject}`, timeout: 30_000, intervals: [200, 500, 1000] },
    )
    .toBeGreaterThanOrEqual(options.count ?? 1);
  return found;
}

export function linksIn(mail: Mail, pattern: RegExp): string[] {
  return [...mail.text.matchAll(pattern)].map((m) => m[0]);
}
