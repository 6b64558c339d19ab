import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/model/errors.js';
import { parseConfig } from '../../src/config/index.js';

const FILE = 'performance-tracker.json';

/** The ConfigError thrown for a config value written as 2-space JSON (lines as a user would have them). */
function errorOf(config: unknown): ConfigError {
  const text = typeof config === 'string' ? config : JSON.stringify(config, null, 2);
  try {
    parseConfig(text, FILE);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return e as ConfigError;
  }
  throw new Error('parseConfig accepted an invalid config');
}

describe('parseConfig: valid configs', () => {
  it('accepts a minimal config and returns it unchanged (no defaults filled in)', () => {
    const text = '{ "suites": [ { "name": "startup", "command": "node -e 0" } ] }';
    expect(parseConfig(text, FILE)).toEqual({ suites: [{ name: 'startup', command: 'node -e 0' }] });
  });

  it('accepts a $schema key, a BOM and every condition form', () => {
    const conditions = ['>= 0.95', '<0.9', '== 1', '<= 30s', '> 512 MB', '< 1.5e3µs', '70%..90%', '1ms .. 2 ms', '2x..16x', '-5..5'];
    const config = {
      $schema: './node_modules/track-performance/schema/performance-tracker.schema.json',
      suites: [{ name: 'a', import: 'out.json' }],
      thresholds: conditions.map((c) => ({ metric: 'm', target: c })),
    };
    expect(parseConfig('\ufeff' + JSON.stringify(config), FILE)).toEqual(config);
  });
});

describe('parseConfig: one problem gives one line with file:line:col, JSON path, expected and found', () => {
  it('names a wrong type with what was expected', () => {
    const e = errorOf({ suites: [{ name: 'x', command: 'true', runs: 'ten' }] });
    expect(e.message).toBe(`${FILE}:6:15: $.suites[0].runs: expected an integer ≥ 1, found "ten"`);
    expect(e.file).toBe(FILE);
    expect(e.path).toBe('$.suites[0].runs');
  });

  it('names a value out of range, and a non-integer', () => {
    expect(errorOf({ suites: [{ name: 'x', command: 'true', warmup: 1.5 }] }).message).toBe(
      `${FILE}:6:17: $.suites[0].warmup: expected an integer ≥ 0, found 1.5`,
    );
    expect(errorOf({ suites: [{ name: 'x', import: 'f' }], compare: { alpha: 1 } }).message).toBe(
      `${FILE}:9:14: $.compare.alpha: expected a number > 0 and < 1, found 1`,
    );
  });

  it('calls an unknown key an error and suggests the close one', () => {
    const e = errorOf({ suites: [{ name: 'x', command: 'true', rusn: 3 }] });
    expect(e.message).toBe(
      `${FILE}:6:15: $.suites[0].rusn: unknown key "rusn"; did you mean "runs"? ` +
        '(expected one of: name, minEffect, command, runs, warmup, allowFailures, cwd, env, timeout, measure, split)',
    );
    expect(errorOf({ sutes: [] }).message).toContain('$.sutes: unknown key "sutes"; did you mean "suites"?');
  });

  it('gives no suggestion for a key that is nothing like any allowed one', () => {
    expect(errorOf({ suites: [{ name: 'x', import: 'f', zzzzzz: 1 }] }).message).toBe(
      `${FILE}:6:17: $.suites[0].zzzzzz: unknown key "zzzzzz" (expected one of: name, minEffect, import, format, run, split)`,
    );
  });

  it('says which kind a key belongs to when it is used on another kind of suite', () => {
    expect(errorOf({ suites: [{ name: 'x', command: 'true', iterations: 5 }] }).message).toContain(
      '$.suites[0].iterations: unknown key "iterations"; "iterations" applies to tinybench suites, and this is a command suite',
    );
  });

  it('names a missing required key at its own path', () => {
    expect(errorOf({ suites: [{ tinybench: 'a.bench.ts' }] }).message).toBe(
      `${FILE}:3:5: $.suites[0].name: expected a string, found nothing (the key is missing)`,
    );
    expect(errorOf({}).message).toBe(`${FILE}:1:1: $.suites: expected a non-empty array, found nothing (the key is missing)`);
  });

  it('says plainly that a suite needs exactly one of tinybench / command / import', () => {
    expect(errorOf({ suites: [{ name: 'x' }] }).message).toBe(
      `${FILE}:3:5: $.suites[0]: expected exactly one of "tinybench", "command" or "import" (what the suite runs), found none of them`,
    );
    expect(errorOf({ suites: [{ name: 'x', comand: 'true' }] }).message).toBe(
      `${FILE}:3:5: $.suites[0]: expected exactly one of "tinybench", "command" or "import" (what the suite runs), found none of them; did you mean "command" instead of "comand"?`,
    );
    expect(errorOf({ suites: [{ name: 'x', tinybench: 'a.ts', command: 'true' }] }).message).toBe(
      `${FILE}:3:5: $.suites[0]: expected exactly one of "tinybench", "command" or "import" (split it into one suite per kind), found both "tinybench" and "command"`,
    );
    expect(errorOf({ suites: [42] }).message).toBe(
      `${FILE}:3:5: $.suites[0]: expected a suite object with a "name" and one of "tinybench", "command" or "import", found 42`,
    );
  });

  it('reports a bad command value without one line per oneOf branch', () => {
    expect(errorOf({ suites: [{ name: 'x', command: 42 }] }).message).toBe(
      `${FILE}:5:18: $.suites[0].command: expected a non-empty string or a non-empty object whose values are each a non-empty string, found 42`,
    );
    expect(errorOf({ suites: [{ name: 'x', command: { fast: 'true', slow: ['sleep', '1'] } }] }).message).toBe(
      `${FILE}:7:17: $.suites[0].command.slow: expected a non-empty string, found an array of 2 items`,
    );
  });

  it('rejects duplicate suite names, pointing at the second', () => {
    expect(
      errorOf({
        suites: [
          { name: 'a', import: 'x' },
          { name: 'a', command: 'y' },
        ],
      }).message,
    ).toBe(`${FILE}:8:15: $.suites[1].name: expected a unique suite name, found "a" again (also at $.suites[0].name)`);
  });

  it('rejects a suite name that would break benchmark ids or log lines', () => {
    expect(errorOf({ suites: [{ name: 'a/b', import: 'x' }] }).message).toBe(
      `${FILE}:4:15: $.suites[0].name: expected a suite name without '/' or control characters, found "a/b"`,
    );
    // A newline stays escaped: the message cannot start a new log line such as a workflow command.
    const hostile = errorOf({ suites: [{ name: 'x\n::error::pwned', import: 'x' }] }).message;
    expect(hostile).not.toContain('\n');
    expect(hostile).toContain('found "x\\n::error::pwned"');
  });

  it('checks threshold conditions against the grammar', () => {
    expect(errorOf({ suites: [{ name: 'a', import: 'x' }], thresholds: [{ metric: 'accuracy', target: 'about 95%' }] }).message).toBe(
      `${FILE}:11:17: $.thresholds[0].target: expected a condition 'OP NUMBER[UNIT]' (OP one of >=, <=, >, <, ==) or a band ` +
        `'NUMBER[UNIT]..NUMBER[UNIT]', UNIT one of ns us µs ms s min B KB MB GB KiB MiB GiB % x (e.g. '>= 0.95', '<= 30s', '70%..90%'), found "about 95%"`,
    );
    expect(errorOf({ suites: [{ name: 'a', import: 'x' }], thresholds: [{ alert: '90%..70%' }] }).message).toBe(
      `${FILE}:10:16: $.thresholds[0].alert: expected a band whose low end is ≤ its high end, found 90% > 70%`,
    );
    expect(errorOf({ suites: [{ name: 'a', import: 'x' }], thresholds: [{ target: '1ms..5MB' }] }).message).toBe(
      `${FILE}:10:17: $.thresholds[0].target: expected a band with the same unit at both ends, found 'ms' and 'MB'`,
    );
    expect(errorOf({ suites: [{ name: 'a', import: 'x' }], thresholds: [{ metric: 'accuracy' }] }).message).toBe(
      `${FILE}:9:5: $.thresholds[0]: expected "target" or "alert" (or both), found neither`,
    );
  });

  it('checks enums and the order of speedup bounds', () => {
    expect(errorOf({ suites: [{ name: 'a', import: 'x' }], thresholds: [{ stat: 'p90', target: '< 1s' }] }).message).toBe(
      `${FILE}:10:15: $.thresholds[0].stat: expected one of "median", "mean", "min", "max", "p75", "p95" or "p99", found "p90"`,
    );
    const target = { name: 't', baseline: 'a/x', candidate: 'a/y', speedup: { min: 8, goal: 4 } };
    expect(errorOf({ suites: [{ name: 'a', import: 'x' }], targets: [target] }).message).toBe(
      `${FILE}:13:18: $.targets[0].speedup: expected min ≤ goal, found min 8 > goal 4`,
    );
  });

  it('names the root when it is not an object', () => {
    expect(errorOf('[]').message).toBe(`${FILE}:1:1: $: expected an object, found an empty array`);
  });
});

describe('parseConfig: JSON syntax errors give line and column', () => {
  it.each([
    [
      '{\n  "suites": [\n    { "name": "a", "import": "x" },\n  ]\n}',
      '4:3',
      'expected a value after \',\' (no trailing commas in JSON), found "]\\n}"',
    ],
    ['{\n  "suites": []\n  "compare": {}\n}', '3:3', 'expected \',\' or \'}\', found "\\"compare\\": {"'],
    ['{ "suites": [], "suites": [] }', '1:17', 'expected each key once per object, found "suites" again'],
    ['', '1:1', 'expected a value (object, array, string, number, true, false or null), found the end of the file'],
    ["{ 'suites': [] }", '1:3', 'expected a property name in double quotes, found "\'suites\': []"'],
  ])('%j', (text, at, detail) => {
    expect(errorOf(text).message).toBe(`${FILE}:${at}: invalid JSON: ${detail}`);
  });
});

describe('parseConfig: several problems', () => {
  it('lists each on its own line in file order, under one header, in one ConfigError', () => {
    const e = errorOf({
      suites: [
        { name: 'x', command: 'true', runs: 0, rusn: 1 },
        { name: 'x', import: 'f' },
      ],
      compare: { minEffect: -1 },
    });
    expect(e.message).toBe(
      [
        `${FILE}: 4 problems in the config:`,
        `  ${FILE}:6:15: $.suites[0].runs: expected an integer ≥ 1, found 0`,
        `  ${FILE}:7:15: $.suites[0].rusn: unknown key "rusn"; did you mean "runs"? (expected one of: name, minEffect, command, runs, warmup, allowFailures, cwd, env, timeout, measure, split)`,
        `  ${FILE}:10:15: $.suites[1].name: expected a unique suite name, found "x" again (also at $.suites[0].name)`,
        `  ${FILE}:15:18: $.compare.minEffect: expected a number ≥ 0 and < 10, found -1`,
      ].join('\n'),
    );
    expect(e.path).toBe('$.suites[0].runs');
  });

  it('lists at most ten and counts the rest', () => {
    const suites = Array.from({ length: 12 }, (_, i) => ({ name: `s${i}`, command: 'true', runs: -1 }));
    const lines = errorOf({ suites }).message.split('\n');
    expect(lines[0]).toBe(`${FILE}: 12 problems in the config:`);
    expect(lines).toHaveLength(12);
    expect(lines[11]).toBe('  … and 2 more');
  });
});
