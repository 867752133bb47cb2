/**
 * Starts the real app for the browser tests on a brand-new data directory, so every run
 * begins from the freshly seeded demo organisation.
 */
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const dataDir = path.join(os.tmpdir(), `twofold-e2e-${process.env.E2E_PORT ?? '3107'}`);
rmSync(dataDir, { recursive: true, force: true });
process.env.DATA_DIR = dataDir;
await import('../packages/server/src/main.ts');
