/**
 * Psychometrics benchmark: TypeScript engine vs R psych on the same data.
 *
 * Generates a deterministic 100,000 × 60 Likert (1–5) dataset from an
 * 8-factor model (seeded PRNG, 1% of answers missing at random, about a
 * quarter of the items reverse-keyed), then times
 *   - alpha on all 8 scales (psych::alpha with the reversed items as keys),
 *   - scoreItems on the 8 scales (impute = "median", psych's default),
 *   - an 8-factor minres/oblimin fa on the 60 items,
 * in TypeScript after the Dataset is built, and — when Rscript with psych is
 * available — in R on the same data written to a temporary CSV, timing only
 * the computation after read.csv. Each timing is the best of REPS runs.
 * Peak memory is the process's maxRSS (resourceUsage) plus rss samples.
 *
 * Run: npx tsx bench/psychometrics.ts   (writes bench/results/psychometrics.json)
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { computeAlphaForKeys } from '../packages/psychometrics/src/alpha.ts';
import type { Dataset } from '../packages/psychometrics/src/dataset.ts';
import { createDataset } from '../packages/psychometrics/src/dataset.ts';
import { fa } from '../packages/psychometrics/src/fa.ts';
import type { ScoringKeys } from '../packages/psychometrics/src/keys.ts';
import { parseKeys } from '../packages/psychometrics/src/keys.ts';
import { scoreItems } from '../packages/psychometrics/src/score-items.ts';

const N_ROWS = 100_000;
const N_SCALES = 8;
const SCALE_SIZES = [8, 8, 8, 8, 7, 7, 7, 7]; // 60 items
const MISSING_RATE = 0.01;
const SEED = 20240611;
const REPS = 3;
const RESULTS = fileURLToPath(new URL('./results/psychometrics.json', import.meta.url));

/** mulberry32: small, fast, deterministic 32-bit PRNG returning [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal deviates by Box–Muller from a uniform generator. */
function normalGenerator(uniform: () => number): () => number {
  let spare: number | undefined;
  return () => {
    if (spare !== undefined) {
      const s = spare;
      spare = undefined;
      return s;
    }
    let u = 0;
    while (u === 0) u = uniform();
    const v = uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
}

interface BenchData {
  data: Dataset;
  keys: ScoringKeys;
  keysJson: Record<string, string[]>;
}

/**
 * The benchmark dataset: factors correlate .3 (one general component plus
 * specific parts); item = λ·(±factor) + sqrt(1 − λ²)·noise, λ in [.5, .8],
 * cut at −1.5, −.5, .5, 1.5 into 1..5; reversed items load negatively.
 */
export function generateBenchData(nRows = N_ROWS, seed = SEED): BenchData {
  const uniform = mulberry32(seed);
  const normal = normalGenerator(uniform);
  const names: string[] = [];
  const scaleOf: number[] = [];
  const loading: number[] = [];
  const sign: number[] = [];
  const keysJson: Record<string, string[]> = {};
  SCALE_SIZES.forEach((size, s) => {
    const scale = `scale${s + 1}`;
    keysJson[scale] = [];
    for (let k = 0; k < size; k++) {
      const name = `s${s + 1}_i${k + 1}`;
      names.push(name);
      scaleOf.push(s);
      loading.push(0.5 + 0.3 * uniform());
      const reversed = k % 4 === 3; // every fourth item is reverse-keyed
      sign.push(reversed ? -1 : 1);
      keysJson[scale]!.push(reversed ? `-${name}` : name);
    }
  });
  const p = names.length;
  const columns = names.map(() => new Float64Array(nRows));
  const factors = new Float64Array(N_SCALES);
  const g = Math.sqrt(0.3);
  const specific = Math.sqrt(0.7);
  for (let i = 0; i < nRows; i++) {
    const general = normal();
    for (let f = 0; f < N_SCALES; f++) factors[f] = g * general + specific * normal();
    for (let j = 0; j < p; j++) {
      const l = loading[j]!;
      const z = sign[j]! * l * factors[scaleOf[j]!]! + Math.sqrt(1 - l * l) * normal();
      const v = z < -1.5 ? 1 : z < -0.5 ? 2 : z < 0.5 ? 3 : z < 1.5 ? 4 : 5;
      columns[j]![i] = uniform() < MISSING_RATE ? NaN : v;
    }
  }
  return { data: createDataset(names, columns), keys: parseKeys(keysJson), keysJson };
}

function bestOf(reps: number, fn: () => void): { best: number; runs: number[] } {
  const runs: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    fn();
    runs.push((performance.now() - t0) / 1000);
  }
  return { best: Math.min(...runs), runs };
}

let peakRss = 0;
function sampleRss(): void {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}

function toCsv(data: Dataset): string {
  const lines: string[] = [data.names.join(',')];
  const p = data.columns.length;
  const row = new Array<string>(p);
  for (let i = 0; i < data.nRows; i++) {
    for (let j = 0; j < p; j++) {
      const v = data.columns[j]![i]!;
      row[j] = Number.isNaN(v) ? 'NA' : String(v);
    }
    lines.push(row.join(','));
  }
  return lines.join('\n') + '\n';
}

const run = promisify(execFile);

async function hasRPsych(): Promise<boolean> {
  try {
    await run('Rscript', [
      '-e',
      'suppressMessages(library(psych)); suppressMessages(library(GPArotation))',
    ]);
    return true;
  } catch {
    return false;
  }
}

/** Seconds per analysis in R (best of REPS), and the R/psych version string. */
interface RTimes {
  alpha: number;
  scoreItems: number;
  fa: number | null;
  version: string;
}

/** Times the same three analyses in R (computation only, after read.csv). */
async function timeInR(bd: BenchData, withFa: boolean): Promise<RTimes> {
  const dir = mkdtempSync(join(tmpdir(), 'psych-bench-'));
  try {
    const csv = join(dir, 'data.csv');
    writeFileSync(csv, toCsv(bd.data));
    const keysR = Object.entries(bd.keysJson)
      .map(([s, items]) => `${s} = c(${items.map((it) => `"${it}"`).join(', ')})`)
      .join(',\n  ');
    const script = `
suppressMessages(library(psych)); suppressMessages(library(GPArotation))
options(warn = -1)
x <- read.csv(${JSON.stringify(csv)})
keys <- list(
  ${keysR}
)
best <- function(expr) { f <- function() system.time(eval.parent(substitute(expr), 2))[["elapsed"]]; min(replicate(${REPS}, f())) }
alpha_all <- function() for (s in names(keys)) {
  k <- keys[[s]]; items <- sub("-", "", k); rev <- sub("-", "", k[startsWith(k, "-")])
  psych::alpha(x[, items], keys = rev, check.keys = FALSE, warnings = FALSE)
}
t_alpha <- min(replicate(${REPS}, system.time(alpha_all())[["elapsed"]]))
t_score <- min(replicate(${REPS}, system.time(psych::scoreItems(keys, x))[["elapsed"]]))
t_fa <- ${withFa ? `min(replicate(${REPS}, system.time(psych::fa(x, nfactors = 8, fm = "minres", rotate = "oblimin"))[["elapsed"]]))` : 'NA'}
cat(sprintf('{"alpha": %.6f, "scoreItems": %.6f, "fa": %s, "version": "%s"}\\n', t_alpha, t_score,
  ifelse(is.na(t_fa), "null", sprintf("%.6f", t_fa)), paste(R.version.string, "psych", packageVersion("psych"))))
`;
    const scriptPath = join(dir, 'bench.R');
    writeFileSync(scriptPath, script);
    const { stdout } = await run('Rscript', [scriptPath], { maxBuffer: 16 * 1024 * 1024 });
    const line = stdout.trim().split('\n').pop()!;
    return JSON.parse(line) as RTimes;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs the benchmark, prints a summary and writes bench/results/psychometrics.json. */
export async function runPsychometricsBench(): Promise<Record<string, unknown>> {
  const tGen = performance.now();
  const bd = generateBenchData();
  const genSeconds = (performance.now() - tGen) / 1000;
  sampleRss();
  console.log(
    `Generated ${N_ROWS} × ${bd.data.names.length} Likert data in ${genSeconds.toFixed(2)} s`,
  );

  const alpha = bestOf(REPS, () => {
    computeAlphaForKeys(bd.data, bd.keys);
    sampleRss();
  });
  console.log(`TS alpha (8 scales):       ${alpha.best.toFixed(3)} s`);
  const score = bestOf(REPS, () => {
    scoreItems(bd.data, bd.keys, { impute: 'median' });
    sampleRss();
  });
  console.log(`TS scoreItems (median):    ${score.best.toFixed(3)} s`);
  const faTime = bestOf(REPS, () => {
    fa(bd.data, { nfactors: 8, fm: 'minres', rotate: 'oblimin' });
    sampleRss();
  });
  console.log(`TS fa (8, minres/oblimin): ${faTime.best.toFixed(3)} s`);
  sampleRss();
  const maxRssBytes = process.resourceUsage().maxRSS * 1024;
  const peakMb = Math.max(peakRss, maxRssBytes) / 1048576;
  console.log(`Peak memory (maxRSS):      ${peakMb.toFixed(0)} MB`);

  const ts = { alpha: alpha.best, scoreItems: score.best, fa: faTime.best };
  let r: RTimes | undefined;
  let rNote: string | undefined;
  if (await hasRPsych()) {
    console.log('Timing the same calls in R (this takes a while)…');
    try {
      r = await timeInR(bd, true);
    } catch (e) {
      rNote = `R run failed: ${(e as Error).message.split('\n')[0]}`;
    }
  } else {
    rNote = 'Rscript with psych and GPArotation not found; R timings skipped.';
  }
  if (rNote) console.log(rNote);
  const ratios = r
    ? {
        alpha: r.alpha / ts.alpha,
        scoreItems: r.scoreItems / ts.scoreItems,
        fa: r.fa === null ? null : r.fa / ts.fa,
      }
    : undefined;
  const goals = {
    alpha: {
      target: '>= 5x faster than R',
      ratio: ratios?.alpha ?? null,
      met: ratios ? ratios.alpha >= 5 : null,
    },
    scoreItems: {
      target: '>= 5x faster than R',
      ratio: ratios?.scoreItems ?? null,
      met: ratios ? ratios.scoreItems >= 5 : null,
    },
    fa: {
      target: '>= 3x faster than R',
      ratio: ratios?.fa ?? null,
      met: ratios?.fa != null ? ratios.fa >= 3 : null,
    },
    peakMemory: { target: '< 500 MB', mb: peakMb, met: peakMb < 500 },
  };
  if (r && ratios) {
    console.log(
      `R alpha ${r.alpha.toFixed(3)} s, scoreItems ${r.scoreItems.toFixed(3)} s, fa ${r.fa?.toFixed(3)} s`,
    );
    console.log(
      `R/TS: alpha ${ratios.alpha.toFixed(1)}×, scoreItems ${ratios.scoreItems.toFixed(1)}×, fa ${ratios.fa?.toFixed(1)}×`,
    );
  }
  const result = {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    data: {
      rows: N_ROWS,
      items: bd.data.names.length,
      scales: N_SCALES,
      missingRate: MISSING_RATE,
      seed: SEED,
      likert: '1-5',
    },
    method: `best of ${REPS} runs; TS timed after the Dataset is built, R timed with system.time after read.csv`,
    seconds: {
      ts,
      tsRuns: { alpha: alpha.runs, scoreItems: score.runs, fa: faTime.runs },
      r: r ?? null,
    },
    ratiosRoverTs: ratios ?? null,
    peakMemoryMb: peakMb,
    goals,
    ...(r ? { rVersion: r.version } : {}),
    ...(rNote ? { note: rNote } : {}),
  };
  mkdirSync(dirname(RESULTS), { recursive: true });
  writeFileSync(RESULTS, JSON.stringify(result, null, 2) + '\n');
  console.log(`Wrote ${RESULTS}`);
  return result;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runPsychometricsBench();
}
