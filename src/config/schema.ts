import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import schemaJson from '../../schema/performance-tracker.schema.json' with { type: 'json' };

/** The JSON Schema of `performance-tracker.json`, as shipped in `schema/`. */
export const CONFIG_SCHEMA: Record<string, unknown> = schemaJson;

/** The suite kinds and the `$defs` entry that describes each. */
export const SUITE_DEFS = { tinybench: 'tinybenchSuite', command: 'commandSuite', import: 'importSuite' } as const;

export type Validator = (value: unknown) => ErrorObject[];

let compiled: { config: ValidateFunction; suites: Record<keyof typeof SUITE_DEFS, ValidateFunction> } | undefined;

// Compiled once, lazily: ajv compiles to JS, which costs a few ms that a CLI --help need not pay.
function validators(): NonNullable<typeof compiled> {
  if (compiled) return compiled;
  // verbose: errors carry parentSchema (to describe what was expected) and data (what was found).
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false });
  ajv.addSchema(CONFIG_SCHEMA);
  const id = CONFIG_SCHEMA.$id as string;
  const def = (name: string): ValidateFunction => ajv.getSchema(`${id}#/$defs/${name}`)!;
  compiled = {
    config: ajv.getSchema(id)!,
    suites: { tinybench: def(SUITE_DEFS.tinybench), command: def(SUITE_DEFS.command), import: def(SUITE_DEFS.import) },
  };
  return compiled;
}

function run(fn: ValidateFunction, value: unknown): ErrorObject[] {
  return fn(value) ? [] : [...(fn.errors ?? [])];
}

/** Raw ajv errors of the whole config against the schema. */
export function validateConfigSchema(value: unknown): ErrorObject[] {
  return run(validators().config, value);
}

/** Raw ajv errors of one suite against the schema of its kind (paths relative to the suite). */
export function validateSuiteSchema(kind: keyof typeof SUITE_DEFS, value: unknown): ErrorObject[] {
  return run(validators().suites[kind], value);
}
