import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONDITION_PATTERN, parseCondition } from '../../src/config/condition-grammar.js';
import { CONDITION_UNITS, CONFIG_SCHEMA, conditionProblem } from '../../src/config/index.js';

const schemaPattern = (CONFIG_SCHEMA.$defs as Record<string, { pattern: string }>).condition!.pattern;

describe('threshold conditions: the schema and the statistics engine read the same grammar', () => {
  it('the schema pattern is the engine’s CONDITION_PATTERN', () => {
    expect(schemaPattern).toBe(CONDITION_PATTERN);
  });

  const num = fc.oneof(fc.integer({ min: -1e6, max: 1e6 }).map(String), fc.constantFrom('0.5', '1e3', '2E-2', '-0.25', '12.0'));
  const unit = fc.option(fc.constantFrom(...CONDITION_UNITS), { nil: undefined });
  const sp = fc.constantFrom('', ' ', '  ');
  const qty = fc.tuple(num, sp, unit).map(([n, s, u]) => `${n}${u ? s + u : ''}`);
  const grammar = fc.oneof(
    fc.tuple(sp, fc.constantFrom('>=', '<=', '>', '<', '=='), sp, qty, sp).map((p) => p.join('')),
    fc.tuple(sp, qty, sp, qty, sp).map(([a, l, b, h, c]) => `${a}${l}${b}..${b}${h}${c}`),
  );
  const anyText = fc.oneof(
    grammar,
    fc.string(),
    grammar.map((g) => g.replace(/\d/, 'x')),
    fc.tuple(grammar, fc.constantFrom('.', 'm', '..1', '<', '.5', 'ms')).map(([g, tail]) => g + tail),
  );

  it('conditionProblem accepts exactly what the engine parses, minus bands with two different units', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        let engine = true;
        try {
          parseCondition(text);
        } catch {
          engine = false;
        }
        const problem = conditionProblem(text);
        if (engine) expect(problem === undefined || problem.expected === 'a band with the same unit at both ends').toBe(true);
        else expect(problem).toBeDefined();
      }),
    );
  });

  it('explains each refusal', () => {
    expect(conditionProblem('>= 0.95')).toBeUndefined();
    expect(conditionProblem('70%..90%')).toBeUndefined();
    expect(conditionProblem('about 5')?.found).toBe('"about 5"');
    expect(conditionProblem('>= 5 parsecs')?.expected).toMatch(/^a condition 'OP NUMBER\[UNIT\]'/);
    expect(conditionProblem('90%..70%')).toEqual({ expected: 'a band whose low end is ≤ its high end', found: '90% > 70%' });
    expect(conditionProblem('70..90%')).toEqual({ expected: 'a band with the same unit at both ends', found: "no unit and '%'" });
    expect(conditionProblem('900ms..1s')).toEqual({ expected: 'a band with the same unit at both ends', found: "'ms' and 's'" });
  });
});
