/** Writes docs/framework.schema.json from the zod schema (a test checks they agree). */
import { writeFileSync } from 'node:fs';
import { frameworkJsonSchema } from '../packages/server/src/frameworks/framework-document.ts';

const target = new URL('../docs/framework.schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(frameworkJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
