import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATED_FILE, SCHEMA_FILE, validatorSource } from '../../scripts/generate-validators.js';
import { validateConfigSchema, validateSuiteSchema } from '../../src/config/schema.js';

const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;

describe('the validators compiled at build time', () => {
  it('are generated from the schema as it is now (run `npm run generate` after editing the schema)', () => {
    expect(readFileSync(GENERATED_FILE, 'utf8')).toBe(validatorSource(schema));
  });

  it('would change with the schema, so the check above can fail', () => {
    const edited = structuredClone(schema) as { properties: Record<string, { description?: string }> };
    edited.properties.suites!.description = 'edited';
    expect(validatorSource(edited)).not.toBe(validatorSource(schema));
  });

  it('report verbose errors: the failing value and the schema node that rejected it', () => {
    const [e, ...rest] = validateSuiteSchema('command', { name: 'x', command: 'true', runs: 0 });
    expect(rest).toEqual([]);
    expect(e).toMatchObject({ instancePath: '/runs', keyword: 'minimum', data: 0, parentSchema: { type: 'integer' } });
    const ok = { suites: [{ name: 'x', command: 'true' }] };
    expect(validateConfigSchema(ok)).toEqual([]);
    expect(validateConfigSchema({ ...ok, extra: 1 }).map((x) => x.keyword)).toEqual(['additionalProperties']);
  });

  it('count a string length in characters, as JSON Schema says, not UTF-16 units', async () => {
    // The config schema has no length bound above 1, so a small schema through the same generator:
    // its inlined length helper must count an astral character (two UTF-16 units) as one.
    const short = { type: 'string', maxLength: 1 };
    const tiny = {
      $id: 'https://example.com/tiny.json',
      ...short,
      $defs: { tinybenchSuite: short, commandSuite: short, importSuite: short },
    };
    const mod = (await import(`data:text/javascript,${encodeURIComponent(validatorSource(tiny))}`)) as Record<
      string,
      (v: unknown) => boolean
    >;
    expect([mod.config!('😀'), mod.config!('ab'), mod.importSuite!('😀')]).toEqual([true, false, true]);
  });
});
