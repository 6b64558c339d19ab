import { describe, expect, it } from 'vitest';
import { CONDITION_PATTERN, holds, parseCondition, toBase } from '../../src/config/condition-grammar.js';
import { ConfigError } from '../../src/model/errors.js';

describe('parseCondition', () => {
  it('reads comparisons and bands with units', () => {
    expect(parseCondition('>= 0.95')).toMatchObject({ kind: 'compare', op: '>=', value: 0.95 });
    expect(parseCondition('<=30s')).toMatchObject({ kind: 'compare', op: '<=', value: 30, unit: 's' });
    expect(parseCondition('70%..90%')).toMatchObject({ kind: 'band', low: 70, lowUnit: '%', high: 90, highUnit: '%' });
    expect(parseCondition(' > 512 MiB ')).toMatchObject({ op: '>', value: 512, unit: 'MiB' });
    expect(parseCondition('== -1.5e3')).toMatchObject({ op: '==', value: -1500 });
  });

  it.each(['', '=> 5', '>= five', '5..', '>= 5 parsecs', '<script>', '> 5 | rm'])('throws ConfigError naming %j', (text) => {
    expect(() => parseCondition(text)).toThrow(ConfigError);
    expect(() => parseCondition(text)).toThrow(`"${text}"`);
  });

  it('refuses an upside-down band', () => {
    expect(() => parseCondition('90..70')).toThrow(/low end 90 is above its high end 70/);
  });

  it('exports the same grammar as a pattern string for the config schema', () => {
    const re = new RegExp(CONDITION_PATTERN);
    expect(re.test('< 0.90')).toBe(true);
    expect(re.test('0.9 < x')).toBe(false);
  });
});

describe('units and checks', () => {
  it('converts time to ns, memory to bytes, % by the metric unit', () => {
    expect(toBase(30, 's', 'ns')).toBe(30e9);
    expect(toBase(2, 'µs', 'ns')).toBe(2000);
    expect(toBase(1, 'min', 'ns')).toBe(60e9);
    expect(toBase(512, 'MB', 'B')).toBe(512e6);
    expect(toBase(1, 'GiB', 'B')).toBe(1024 ** 3);
    expect(toBase(90, '%', 'ratio')).toBeCloseTo(0.9);
    expect(toBase(90, '%', '%')).toBe(90);
    expect(toBase(5, 'x', 'ratio')).toBe(5);
    expect(toBase(30, 's', 'B')).toMatch(/does not fit/);
  });

  it('evaluates comparisons and inclusive bands', () => {
    expect(holds(parseCondition('< 0.90'), 0.89, 'ratio')).toBe(true);
    expect(holds(parseCondition('< 0.90'), 0.9, 'ratio')).toBe(false);
    expect(holds(parseCondition('70%..90%'), 0.7, 'ratio')).toBe(true);
    expect(holds(parseCondition('70%..90%'), 0.95, 'ratio')).toBe(false);
    expect(holds(parseCondition('> 45s'), 46e9, 'ns')).toBe(true);
    expect(holds(parseCondition('== 3'), 3, 'ops/s')).toBe(true);
    expect(holds(parseCondition('<= 1KB'), 1000, 'ns')).toMatch(/unit KB/);
  });
});
