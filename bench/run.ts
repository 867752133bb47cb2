/**
 * `npm run bench`: every benchmark, each printing its ratios against a baseline measured in
 * the same run, with results in bench/results/. Not a test: nothing here asserts timings.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { runAnswerSaveBench } from './answer-save.ts';
import { runPsychometricsBench } from './psychometrics.ts';

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
