/**
 * The registry of CLI analyses, in the order `--help` lists them.
 * To add an analysis: create `commands/<name>.ts` exporting a `Command`
 * (see command.ts) and add one import and one list entry here.
 */
import type { Command } from './command.ts';
import { alphaCommand } from './commands/alpha.ts';
import { corCommand } from './commands/cor.ts';
import { describeCommand } from './commands/describe.ts';
import { faCommand } from './commands/fa.ts';
import { iccCommand } from './commands/icc.ts';
import { normsCommand } from './commands/norms.ts';
import { omegaCommand } from './commands/omega.ts';
import { parallelCommand } from './commands/parallel.ts';
import { rciCommand } from './commands/rci.ts';
import { rwgCommand } from './commands/rwg.ts';
import { scoreCommand } from './commands/score.ts';

export const commands: readonly Command[] = [
  describeCommand,
  corCommand,
  alphaCommand,
  scoreCommand,
  iccCommand,
  rwgCommand,
  rciCommand,
  normsCommand,
  faCommand,
  omegaCommand,
  parallelCommand,
];
