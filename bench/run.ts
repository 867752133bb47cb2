/**
 * `npm run bench`: every benchmark, each printing its ratios against a baseline measured in
 * the same run, with results in bench/results/. Not a test: nothing here asserts timings.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { runAnswerSaveBench } from './answer-save.ts';
import { runOrgAnalyticsBench } from './org-analytics.ts';
import { runPsychometricsBench } from './psychometrics.ts';
import { runReportBench } from './report.ts';

const only = process.argv[2];
await mkdir(new URL('./results/', import.meta.url), { recursive: true });
if (!only || only === 'psychometrics') {
  console.log('== psychometrics (vs R psych when Rscript is installed) ==');
  await runPsychometricsBench();
}
if (!only || only === 'answer-save') {
  console.log('== answer save (vs a bare Fastify INSERT) ==');
  const result = await runAnswerSaveBench();
  await writeFile(new URL('./results/answer-save.json', import.meta.url), JSON.stringify({ at: new Date().toISOString(), ...result }, null, 2));
}
if (!only || only === 'org-analytics') {
  console.log('== organisation analytics (vs a bare SQL aggregate) ==');
  const result = await runOrgAnalyticsBench();
  await writeFile(new URL('./results/org-analytics.json', import.meta.url), JSON.stringify({ at: new Date().toISOString(), ...result }, null, 2));
}
if (!only || only === 'report') {
  console.log('== individual report, JSON and PDF (vs /healthz and a static page printed) ==');
  const result = await runReportBench();
  await writeFile(new URL('./results/report.json', import.meta.url), JSON.stringify({ at: new Date().toISOString(), ...result }, null, 2));
}
