import { describe, expect, it } from 'vitest';
import { gate, verdictOf } from '../src/compare/gate.js';
import type { BenchmarkComparison, Report, TargetResult } from '../src/model/index.js';

function report(over: Partial<Report> & { regressions?: number } = {}): Report {
  const { regressions = 0, ...rest } = over;
  return {
    schemaVersion: 1,
    verdict: regressions ? 'fail' : 'pass',
    confidence: 0.98,
    design: 'history',
    method: 'Holm',
    counts: { regression: regressions, improvement: 0, unchanged: 3, inconclusive: 0, new: 0, missing: 0, error: 0 },
    benchmarks: [],
    targets: [],
    warnings: [],
    errors: [],
    ...rest,
  };
}
const target = (status: TargetResult['status']): TargetResult => ({ name: 't', kind: 'threshold', status, expected: '>= 1', message: '' });

const inconclusive = (mde: number): BenchmarkComparison => ({
  id: `s/${mde}`,
  suite: 's',
  name: String(mde),
  unit: 'ns',
  direction: 'smaller',
  verdict: 'inconclusive',
  minDetectableEffect: mde,
  warnings: [],
});

describe('gate', () => {
  it('passes a clean report at every level', () => {
    for (const level of ['regression', 'warning', 'never'] as const)
      expect(gate(report(), level)).toEqual({ verdict: 'pass', failed: false, exitCode: 0, reason: 'no regression detected' });
  });

  it('fails on regressions unless fail-on is never', () => {
    expect(gate(report({ regressions: 2 }), 'regression')).toEqual({ verdict: 'fail', failed: true, exitCode: 1, reason: '2 regressions' });
    expect(gate(report({ regressions: 1 }), 'warning').failed).toBe(true);
    expect(gate(report({ regressions: 1 }), 'never')).toMatchObject({
      verdict: 'fail',
      failed: false,
      exitCode: 0,
      reason: '1 regression (fail-on: never)',
    });
  });

  it('treats a crossed alert as a failure and a missed target as a warning', () => {
    const alert = report({ targets: [target('failure')] });
    expect(gate(alert, 'regression')).toMatchObject({ verdict: 'fail', failed: true, reason: '1 alert crossed' });
    const missed = report({ targets: [target('warning')] });
    expect(gate(missed, 'regression')).toMatchObject({ verdict: 'warn', failed: false, reason: '1 target missed (fail-on: regression)' });
    expect(gate(missed, 'warning')).toMatchObject({ verdict: 'warn', failed: true, exitCode: 1, reason: '1 target missed' });
  });

  it('fails when a suite could not run, so a crash cannot hide a slowdown — and the report says fail too', () => {
    const broken = report({ errors: [{ suite: 's', message: 'boom' }] });
    expect(gate(broken, 'regression')).toMatchObject({ verdict: 'fail', failed: true, exitCode: 1, reason: '1 suite error' });
    expect(verdictOf(broken)).toBe('fail');
    expect(gate(broken, 'never').failed).toBe(false);
  });

  it('decides from the facts, not from a verdict field someone else wrote', () => {
    // A report.json from an older version said "warn" for a crashed suite: the gate still fails it.
    const stale = report({ verdict: 'warn', errors: [{ suite: 's', message: 'boom' }] });
    expect(gate(stale).failed).toBe(true);
    expect(gate(report({ verdict: 'fail' })).failed).toBe(false);
  });

  it('passes an all-inconclusive report but says what it could not see', () => {
    const r = report({ benchmarks: [0.13, 0.3, 0.24, 0.5, 0.2, 27.87, 0.22].map(inconclusive) });
    expect(gate(r)).toEqual({
      verdict: 'pass',
      failed: false,
      exitCode: 0,
      reason: 'no regression detected; 7 inconclusive (could see changes ≥ 13%, median 24%)',
    });
    expect(gate(r, 'warning').failed).toBe(false);
  });
});
