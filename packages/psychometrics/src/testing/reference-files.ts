/**
 * Test-only helpers that load the shared R reference files
 * (/work/shared/reference, i.e. `../shared/reference` from the repo root).
 * Library modules never import this: it does file I/O.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Dataset } from '../dataset.ts';
import { parseCsv } from '../csv.ts';

/** Directory URL of the shared reference data, computed from this file's location. */
export const REFERENCE_DIR = new URL('../../../../../shared/reference/', import.meta.url);

/** Absolute filesystem path of a file under the reference directory. */
export function referencePath(relative: string): string {
  return fileURLToPath(new URL(relative, REFERENCE_DIR));
}

/**
 * Parses a reference JSON file, e.g. `loadReference('ref/bfi_alpha.json')`.
 * Untyped by default: tests navigate R's output freely and the comparer checks every field.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function loadReference<T = any>(relative: string): T {
  return JSON.parse(readFileSync(referencePath(relative), 'utf8')) as T;
}

let bfi: Dataset | undefined;

/** bfi.csv parsed through our own CSV parser (cached). */
export function loadBfi(): Dataset {
  bfi ??= parseCsv(readFileSync(referencePath('bfi.csv'), 'utf8'));
  return bfi;
}
