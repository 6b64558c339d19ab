import { describe, expect, it } from 'vitest';
import { gate } from '../../src/flows/gate.js';
import type { Report, TargetResult } from '../../src/types.js';

function report(over: Partial<Report> & { regressions?: number } = {}): Report {
  const { regressions = 0, ...rest } = over;
  return {
    schemaVersion: 1,
    verdict: regressions ? 'fail' : 'pass',
    design: 'history',
    method: 'Holm',
    counts: { regression: regressions, improvement: 0, unchanged: 3, inconclusive: 0, new: 0, missing: 0 },
    benchmarks: [],
    targets: [],
    warnings: [],
    errors: [],
    ...rest,
  };
}
const target = (status: TargetResult['status']): TargetResult => ({ name: 't', kind: 'threshold', status, expected: '>= 1', message: '' });

describe('gate', () => {
  it('passes a clean report at every level', () => {
    for (const level of ['regression', 'warning', 'never'] as const)
      expect(gate(report(), level)).toEqual({ failed: false, reason: 'no regression' });
  });

  it('fails on regressions unless fail-on is never', () => {
    expect(gate(report({ regressions: 2 }), 'regression')).toEqual({ failed: true, reason: '2 regressions' });
    expect(gate(report({ regressions: 1 }), 'warning').failed).toBe(true);
    expect(gate(report({ regressions: 1 }), 'never')).toEqual({ failed: false, reason: '1 regression (fail-on: never)' });
  });

  it('treats a crossed alert as a failure and a missed target as a warning', () => {
    const alert = report({ verdict: 'fail', targets: [target('failure')] });
    expect(gate(alert, 'regression')).toEqual({ failed: true, reason: '1 alert crossed' });
    const missed = report({ verdict: 'warn', targets: [target('warning')] });
    expect(gate(missed, 'regression')).toEqual({ failed: false, reason: '1 target missed (fail-on: regression)' });
    expect(gate(missed, 'warning')).toEqual({ failed: true, reason: '1 target missed' });
  });

  it('fails when a suite could not run, so a crash cannot hide a slowdown', () => {
    const broken = report({ errors: [{ suite: 's', message: 'boom' }] });
    expect(gate(broken, 'regression')).toEqual({ failed: true, reason: '1 suite error' });
    expect(gate(broken, 'never').failed).toBe(false);
  });
});
