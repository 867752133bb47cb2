/**
 * Starts the real app for the browser tests on a brand-new data directory, so every run
 * begins from the freshly seeded demo organisation, with a real SMTP server on 127.0.0.1:
 * mail goes out through nodemailer and lands, one JSON file per message, in the mailbox
 * directory that e2e/mailbox.ts reads.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startSmtpSink } from '../packages/server/src/testing/smtp-sink.ts';
import { dataDirectory, mailboxDirectory } from './mailbox.ts';

const dataDir = dataDirectory();
const mailDir = mailboxDirectory();
rmSync(dataDir, { recursive: true, force: true });
rmSync(mailDir, { recursive: true, force: true });
mkdirSync(mailDir, { recursive: true });

let count = 0;
const sink = await startSmtpSink((mail) => {
  count += 1;
  writeFileSync(path.join(mailDir, `${String(count).padStart(5, '0')}.json`), JSON.stringify(mail));
});
process.env.DATA_DIR = dataDir;
process.env.SMTP_URL = sink.url;
await import('../packages/server/src/main.ts');
