#!/usr/bin/env node
// Entry point of the twofold-psych CLI. The package ships TypeScript sources,
// so register tsx's ESM loader first, then load the CLI, which runs itself.
import { register } from 'tsx/esm/api';

register();
globalThis.__TWOFOLD_PSYCH_BIN__ = true;
await import('../src/cli/main.ts');
