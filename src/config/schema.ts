import type { ErrorObject } from 'ajv/dist/2020.js';
import schemaJson from '../../schema/performance-tracker.schema.json' with { type: 'json' };
import * as generated from './schema-validators.generated.js';
import { SUITE_DEFS } from './suite-defs.js';

/** The JSON Schema of `performance-tracker.json`, as shipped in `schema/`. */
export const CONFIG_SCHEMA: Record<string, unknown> = schemaJson;

export { SUITE_DEFS };

export type Validator = (value: unknown) => ErrorObject[];

/** An Ajv validate function as its standalone code exports it: true, or false with `errors` set. */
interface Compiled {
  (value: unknown): boolean;
  errors?: ErrorObject[] | null;
}

// Compiled at build time by scripts/generate-validators.ts (with allErrors and verbose: errors
// carry parentSchema, to describe what was expected, and data, what was found).
const validators = generated as unknown as Record<'config' | (typeof SUITE_DEFS)[keyof typeof SUITE_DEFS], Compiled>;

function run(fn: Compiled, value: unknown): ErrorObject[] {
  return fn(value) ? [] : [...(fn.errors ?? [])];
}

/** Raw ajv errors of the whole config against the schema. */
export function validateConfigSchema(value: unknown): ErrorObject[] {
  return run(validators.config, value);
}

/** Raw ajv errors of one suite against the schema of its kind (paths relative to the suite). */
export function validateSuiteSchema(kind: keyof typeof SUITE_DEFS, value: unknown): ErrorObject[] {
  return run(validators[SUITE_DEFS[kind]], value);
}
