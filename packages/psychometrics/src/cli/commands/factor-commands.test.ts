import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { compareToReference, formatMismatches } from '../../testing/compare-to-reference.ts';
import { alignFaJson, alignOmegaJson } from '../../testing/match-factors.ts';
import { loadReference, referencePath } from '../../testing/reference-files.ts';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../../bin/twofold-psych.js', import.meta.url));

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

const BFI = referencePath('bfi.csv');

describe('factor-analysis commands', () => {
  it('fa --json has the reference layout and values (ml, oblimin) to 1e-5', async () => {
    const { code, stdout, stderr } = await cli([
      'fa',
      '--data',
      BFI,
      '--nfactors',
      '5',
      '--fm',
      'ml',
      '--rotate',
      'oblimin',
      '--json',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const ref = loadReference('ref/bfi_fa_ml_oblimin.json');
    const { json } = alignFaJson(ref, JSON.parse(stdout));
    const { eBIC: _ours, ...ourStats } = json.stats;
    const { eBIC: _ref, ...refStats } = ref.stats;
    const report = compareToReference(
      { ...ref, stats: refStats },
      { ...json, stats: ourStats },
      { relTol: 1e-5 },
    );
    expect(formatMismatches(report)).toBe('');
  }, 30_000);

  it('fa with --keys analyses the keyed items; tables by default', async () => {
    const { code, stdout } = await cli([
      'fa',
      '--data',
      BFI,
      '--keys',
      referencePath('bfi_keys.json'),
      '--nfactors',
      '2',
      '--rotate',
      'varimax',
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('Factor analysis: 2 factors, fm = minres, rotate = varimax');
    expect(stdout).toContain('RMSEA');
    expect(stdout).toMatch(/^A1\s/m);
  }, 30_000);

  it('omega --json matches one case of ref/bfi_omega.json to 1e-5', async () => {
    const { code, stdout } = await cli(['omega', '--data', BFI, '--nfactors', '5', '--json']);
    expect(code).toBe(0);
    const ref = loadReference('ref/bfi_omega.json').nfactors5;
    const { json } = alignOmegaJson(ref, JSON.parse(stdout));
    const report = compareToReference(ref, json, { relTol: 1e-5 });
    expect(formatMismatches(report)).toBe('');
  }, 30_000);

  it('parallel --json gives the observed eigenvalues, 6 factors and 6 components', async () => {
    const { code, stdout } = await cli([
      'parallel',
      '--data',
      BFI,
      '--n-iter',
      '10',
      '--seed',
      '3',
      '--json',
    ]);
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    const ref = loadReference('ref/bfi_fa_parallel.json');
    expect(out.nfact).toBe(6);
    expect(out.ncomp).toBe(6);
    expect(out['n.iter']).toBe(10);
    expect(
      formatMismatches(compareToReference(ref['pc.values'], out['pc.values'], { relTol: 1e-9 })),
    ).toBe('');
    expect(
      formatMismatches(compareToReference(ref['fa.values'], out['fa.values'], { relTol: 1e-5 })),
    ).toBe('');
  }, 30_000);

  it('rejects bad option values with usage errors (exit 2)', async () => {
    const bad = await cli(['fa', '--data', BFI, '--fm', 'pa']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--fm must be minres or ml');
    const tooMany = await cli(['fa', '--data', BFI, '--nfactors', '25']);
    expect(tooMany.code).toBe(2);
    expect(tooMany.stderr).toContain('number of factors');
    const both = await cli([
      'omega',
      '--data',
      BFI,
      '--items',
      'A1,A2',
      '--keys',
      referencePath('bfi_keys.json'),
    ]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('either --items or --keys');
  }, 30_000);
});
