import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMAND_DEFAULTS } from '../../src/bench/command.js';
import { SCALING_DEFAULTS } from '../../src/bench/scaling.js';
import { TINYBENCH_STEP_DEFAULTS } from '../../src/bench/scaling-tinybench.js';
import { DEFAULT_EFFICIENCY_FLOOR } from '../../src/compare/scaling/index.js';
import { TINYBENCH_DEFAULTS } from '../../src/bench/tinybench.js';
import { CONFIG_SCHEMA, DEFAULT_MIN_EFFECT, parseConfig } from '../../src/config/index.js';
import { FULL_CONFIG } from './fixtures/full.js';

type Schema = Record<string, unknown>;
const defs = CONFIG_SCHEMA.$defs as Record<string, Schema>;

function resolve(s: Schema): Schema {
  const ref = typeof s.$ref === 'string' ? s.$ref.replace('#/$defs/', '') : undefined;
  return ref ? { ...defs[ref]!, ...s } : s;
}

/** Every property path the schema declares (arrays as `[]`), walking refs, oneOf and additionalProperties. */
function schemaPaths(s: Schema, at: string, out: Set<string>): Set<string> {
  const r = resolve(s);
  for (const [k, sub] of Object.entries((r.properties ?? {}) as Record<string, Schema>)) {
    out.add(`${at}.${k}`);
    schemaPaths(sub, `${at}.${k}`, out);
  }
  if (r.items) schemaPaths(r.items as Schema, `${at}[]`, out);
  for (const alt of (r.oneOf ?? []) as Schema[]) schemaPaths(alt, at, out);
  return out;
}

/** Every property path a value uses (objects whose schema is a free map excluded by the caller). */
function valuePaths(v: unknown, at: string, out: Set<string>, freeMaps: Set<string>): Set<string> {
  if (Array.isArray(v)) v.forEach((x) => valuePaths(x, `${at}[]`, out, freeMaps));
  else if (v && typeof v === 'object' && !freeMaps.has(at))
    for (const [k, x] of Object.entries(v)) {
      out.add(`${at}.${k}`);
      valuePaths(x, `${at}.${k}`, out, freeMaps);
    }
  return out;
}

describe('schema and src/config/types.ts agree', () => {
  it('accepts the full example (which is typed Required<Config>)', () => {
    expect(parseConfig(JSON.stringify(FULL_CONFIG, null, 2), 'full.json')).toEqual(FULL_CONFIG);
  });

  it('declares no property that the typed full example leaves out, and the example uses none it lacks', () => {
    const declared = schemaPaths(CONFIG_SCHEMA, '$', new Set());
    const used = valuePaths(FULL_CONFIG, '$', new Set(), new Set(['$.suites[].command', '$.suites[].env', '$.scaling[].env']));
    expect([...declared].filter((p) => !used.has(p)).sort()).toEqual([]);
    expect([...used].filter((p) => !declared.has(p)).sort()).toEqual([]);
  });

  it('describes every property', () => {
    const undescribed: string[] = [];
    const walk = (s: Schema, at: string): void => {
      const r = resolve(s);
      for (const [k, sub] of Object.entries((r.properties ?? {}) as Record<string, Schema>)) {
        if (typeof resolve(sub).description !== 'string') undescribed.push(`${at}.${k}`);
        walk(sub, `${at}.${k}`);
      }
      if (r.items) walk(r.items as Schema, `${at}[]`);
      for (const alt of (r.oneOf ?? []) as Schema[]) walk(alt, at);
    };
    walk(CONFIG_SCHEMA, '$');
    expect(undescribed).toEqual([]);
  });

  it('states the same defaults as the runners and the comparison', () => {
    const props = (def: string) => defs[def]!.properties as Record<string, { default?: unknown }>;
    const tb = props('tinybenchSuite');
    expect({
      time: tb.time!.default,
      iterations: tb.iterations!.default,
      warmupTime: tb.warmupTime!.default,
      warmupIterations: tb.warmupIterations!.default,
    }).toEqual({
      time: TINYBENCH_DEFAULTS.time,
      iterations: TINYBENCH_DEFAULTS.iterations,
      warmupTime: TINYBENCH_DEFAULTS.warmupTime,
      warmupIterations: TINYBENCH_DEFAULTS.warmupIterations,
    });
    const cmd = props('commandSuite');
    expect({ runs: cmd.runs!.default, warmup: cmd.warmup!.default, timeout: cmd.timeout!.default }).toEqual({ ...COMMAND_DEFAULTS });
    expect(props('compare').minEffect!.default).toBe(DEFAULT_MIN_EFFECT);
    const sc = props('scalingSuite');
    expect({
      repeats: sc.repeats!.default,
      warmup: sc.warmup!.default,
      work: sc.work!.default,
      unit: sc.unit!.default,
      timeout: sc.timeout!.default,
    }).toEqual({ ...SCALING_DEFAULTS });
    expect(sc.efficiencyFloor!.default).toBe(DEFAULT_EFFICIENCY_FLOOR);
    expect({ time: sc.time!.default, iterations: sc.iterations!.default }).toEqual({ ...TINYBENCH_STEP_DEFAULTS });
  });

  it('is the file that ships in the package, and is itself a valid draft 2020-12 schema', () => {
    const shipped = JSON.parse(readFileSync(new URL('../../schema/performance-tracker.schema.json', import.meta.url), 'utf8'));
    expect(shipped).toEqual(CONFIG_SCHEMA);
    expect(shipped.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(pkg.files).toContain('schema');
  });
});
