/**
 * The compiled validators of spec/schema.json (the method spec, and its `$defs/catalog`).
 * Importing ajv and generating the validation code costs about 150 ms of CPU per process, a
 * tenth of a whole scrape, so the generated code is cached as a CommonJS module in
 * `node_modules/.cache/tbk-gen/`, keyed by the schema's bytes, ajv's version and the options,
 * and later runs load it in a few milliseconds. Any problem with the cache (a read-only
 * install, a damaged file) falls back to compiling; the validators are the same either way.
 */
import { sha256 } from '../files/sha256.js';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Ajv2020, SchemaObject, ValidateFunction } from 'ajv/dist/2020.js';

export interface SchemaValidators {
  method: ValidateFunction;
  catalog: ValidateFunction;
}

const require = createRequire(import.meta.url);
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const OPTIONS = { allErrors: true, strict: true, verbose: true };

/** Where compiled validators are kept; inside node_modules so that they can require ajv's runtime. */
export const SCHEMA_CACHE_DIR = join(ROOT, 'node_modules', '.cache', 'tbk-gen');

export function loadSchemaValidators(cacheDir: string = SCHEMA_CACHE_DIR): SchemaValidators {
  const text = readFileSync(join(ROOT, 'spec', 'schema.json'), 'utf8');
  const { version } = require('ajv/package.json') as { version: string };
  const key = sha256(`${version}\n${JSON.stringify(OPTIONS)}\n${text}`).slice(0, 16);
  const cached = join(cacheDir, `schema-${key}.cjs`);
  try {
    const loaded = require(cached) as Partial<SchemaValidators>;
    if (typeof loaded.method === 'function' && typeof loaded.catalog === 'function') return loaded as SchemaValidators;
  } catch {
    // Not cached yet: compile below.
  }
  const schema = JSON.parse(text) as SchemaObject & { $defs: Record<string, SchemaObject> };
  const Ajv = (require('ajv/dist/2020.js') as { Ajv2020: typeof Ajv2020 }).Ajv2020;
  const ajv = new Ajv({ ...OPTIONS, code: { source: true } });
  ajv.addSchema(schema, 'method');
  ajv.addSchema({ $schema: schema.$schema, ...schema.$defs.catalog, $defs: schema.$defs }, 'catalog');
  const validators = { method: ajv.getSchema('method')!, catalog: ajv.getSchema('catalog')! };
  try {
    const standalone = (
      require('ajv/dist/standalone/index.js') as { default: (ajv: Ajv2020, refs: Record<string, string>) => string }
    ).default;
    const code = standalone(ajv, { method: 'method', catalog: 'catalog' });
    mkdirSync(dirname(cached), { recursive: true });
    const temp = `${cached}.${process.pid}.tmp`;
    writeFileSync(temp, code);
    renameSync(temp, cached);
  } catch {
    // A read-only install compiles on every run.
  }
  return validators;
}
