import { describe, expect, it } from 'vitest';
import { matchesGlob, resolveMinEffect, suiteKind, suiteMinEffects, type Config } from '../../src/config/index.js';

/** What the engine applies to one benchmark of `config`. */
const minEffectFor = (config: Config, suite: string, id: string) => resolveMinEffect(id, suite, config.compare, suiteMinEffects(config));
const matchesBenchmark = matchesGlob;

describe('suiteKind', () => {
  it('names the kind of each suite', () => {
    expect(suiteKind({ name: 'a', tinybench: 'a.ts' })).toBe('tinybench');
    expect(suiteKind({ name: 'b', command: { x: 'true' } })).toBe('command');
    expect(suiteKind({ name: 'c', import: 'out.json', format: 'hyperfine' })).toBe('import');
  });
});

describe('matchesBenchmark', () => {
  it('matches ids exactly, or with * for any run of characters', () => {
    expect(matchesBenchmark('parser/big', 'parser/big')).toBe(true);
    expect(matchesBenchmark('parser/big', 'parser/bigger')).toBe(false);
    expect(matchesBenchmark('parser/*', 'parser/a/b')).toBe(true);
    expect(matchesBenchmark('*/startup', 'cli/startup')).toBe(true);
    expect(matchesBenchmark('a.b/*', 'axb/c')).toBe(false);
    expect(matchesBenchmark('p(1)+/*', 'p(1)+/x')).toBe(true);
  });
});

describe('minEffectFor', () => {
  const config: Config = {
    suites: [
      { name: 'parser', tinybench: 'p.ts', minEffect: 0.1 },
      { name: 'cli', command: 'true' },
    ],
    compare: {
      minEffect: 0.03,
      overrides: [
        { benchmark: '*/startup', minEffect: 0.15 },
        { benchmark: 'parser/*', minEffect: 0.12 },
        { benchmark: 'parser/huge*', minEffect: 0.2 },
        { benchmark: 'parser/huge' },
      ],
    },
  };

  it('prefers the last matching override with a minEffect, then the suite, then compare.minEffect', () => {
    expect(minEffectFor(config, 'parser', 'parser/huge')).toBe(0.2);
    expect(minEffectFor(config, 'cli', 'cli/startup')).toBe(0.15);
    expect(minEffectFor(config, 'parser', 'parser/small')).toBe(0.12);
    expect(minEffectFor({ ...config, compare: {} }, 'parser', 'parser/small')).toBe(0.1);
    expect(minEffectFor(config, 'cli', 'cli/other')).toBe(0.03);
  });

  it('falls back to 3% when nothing is configured, also for a suite not in the config', () => {
    expect(minEffectFor({ suites: [{ name: 'x', import: 'f' }] }, 'x', 'x/y')).toBe(0.03);
    expect(minEffectFor({ suites: [] }, 'imported', 'imported/y')).toBe(0.03);
  });

  it('keeps an explicit 0 (every change counts) instead of falling through', () => {
    expect(minEffectFor({ suites: [{ name: 'x', import: 'f', minEffect: 0 }], compare: { minEffect: 0.1 } }, 'x', 'x/y')).toBe(0);
    expect(minEffectFor({ suites: [], compare: { minEffect: 0 } }, 'x', 'x/y')).toBe(0);
  });
});
