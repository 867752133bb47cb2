import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { compareToReference, formatMismatches } from '../testing/compare-to-reference.ts';
import { loadReference, referencePath } from '../testing/reference-files.ts';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../bin/twofold-psych.js', import.meta.url));

/** Runs the CLI as a user would (node + bin script); never rejects. */
async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('twofold-psych CLI', () => {
  it('alpha --json on bfi.csv with the keys file matches ref/bfi_alpha.json to 1e-9', async () => {
    const { code, stdout, stderr } = await cli([
      'alpha',
      '--data',
      referencePath('bfi.csv'),
      '--keys',
      referencePath('bfi_keys.json'),
      '--json',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = compareToReference(loadReference('ref/bfi_alpha.json'), JSON.parse(stdout), {
      relTol: 1e-9,
    });
    expect(formatMismatches(report)).toBe('');
    expect(report.compared).toBeGreaterThan(450);
  }, 30_000);

  it('score --json --impute none matches ref/bfi_scoreItems.json impute_none', async () => {
    const { code, stdout } = await cli([
      'score',
      '--data',
      referencePath('bfi.csv'),
      '--keys',
      referencePath('bfi_keys.json'),
      '--impute',
      'none',
      '--json',
    ]);
    expect(code).toBe(0);
    const report = compareToReference(
      loadReference('ref/bfi_scoreItems.json').impute_none,
      JSON.parse(stdout),
      { relTol: 1e-9 },
    );
    expect(formatMismatches(report)).toBe('');
  }, 30_000);

  it('reports the line and column of a malformed cell on stderr and exits 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'twofold-psych-'));
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'A1,A2,A3\n1,2,3\n2,3,4\n3,oops,5\n');
    const { code, stdout, stderr } = await cli(['alpha', '--data', file, '--items', 'A1,A2,A3']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`${file}: Line 4, column "A2": "oops" is not a number`);
  }, 30_000);

  it('exits 2 with usage on unknown options and unknown analyses', async () => {
    const a = await cli(['alpha', '--bogus']);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/Unknown option '--bogus'/);
    const b = await cli(['nonsense']);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/unknown analysis "nonsense"/);
    const h = await cli(['icc', '--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toMatch(/Usage: twofold-psych icc/);
  }, 30_000);
});
