import { describe, expect, it } from 'vitest';
import { compareRuns } from '../../src/compare/index.js';
import { countMinEffect, toolchainWarnings } from '../../src/compare/deterministic.js';
import { bench, machine, run, runsOf } from './helpers.js';

const ID = 's/work [instructions]';
/** Counted runs: one value per run, no samples, as the Valgrind runner writes them. */
const counted = (values: number[], extra = {}) =>
  runsOf(ID, values, { samples: false, unit: 'instructions' }).map((r) => ({ ...r, ...extra }));
const verdictOf = (baseline: number[], current: number, unit = 'instructions', config = {}) =>
  compareRuns({
    baseline: runsOf(ID, baseline, { samples: false, unit }),
    current: runsOf(ID, [current], { samples: false, unit }),
    config,
  }).benchmarks[0]!;

describe('instruction counts in the engine', () => {
  const history = [1_000_000, 1_000_020, 999_990];

  it('one current run against a history of 3 sees a 3% and a 1.5% change; 0.5% is unchanged', () => {
    expect(verdictOf(history, 1_030_000).verdict).toBe('regression');
    expect(verdictOf(history, 1_015_000).verdict).toBe('regression');
    expect(verdictOf(history, 985_000).verdict).toBe('improvement');
    expect(verdictOf(history, 1_005_000).verdict).toBe('unchanged');
  });

  it('identical counts in every baseline run still give a verdict', () => {
    expect(verdictOf([1e6, 1e6, 1e6], 1.03e6).verdict).toBe('regression');
    expect(verdictOf([1e6, 1e6, 1e6], 1e6).verdict).toBe('unchanged');
  });

  it('names what was counted and with which toolchain in a note; a timed run gets no such note', () => {
    const current = counted([1e6], {
      machine: { ...machine, nodeVersion: 'v20.20.2', valgrindVersion: '3.19.0', countFlags: '--predictable' },
    });
    const report = compareRuns({ baseline: counted(history), current });
    expect(report.notes).toEqual([
      expect.stringMatching(
        /^Counted, not timed: benchmarks in instructions .*Valgrind 3\.19\.0 callgrind, Node v20\.20\.2 --predictable\..*default 1%/,
      ),
    ]);
    const timed = compareRuns({
      baseline: runsOf(ID, history, { samples: false, unit: 'ns' }),
      current: runsOf(ID, [1e6], { samples: false, unit: 'ns' }),
    });
    expect(timed.notes ?? []).not.toContainEqual(expect.stringMatching(/Counted/));
  });

  it('the same figures as wall time keep the 3% default minimum effect', () => {
    expect(verdictOf(history, 1_015_000, 'ns').verdict).toBe('unchanged');
  });

  it('one baseline run against one current run assumes 0.2% noise, not 60%', () => {
    expect(verdictOf([1e6], 1.03e6).verdict).toBe('regression');
    expect(verdictOf([1e6], 1.03e6, 'ns').verdict).toBe('inconclusive');
  });

  it('a different CPU does not widen a simulated count', () => {
    const baseline = counted(history, { machine: { ...machine, cpuModel: 'Other CPU' } });
    const r = compareRuns({ baseline, current: counted([1_020_000]) });
    expect(r.warnings.join(' ')).toMatch(/different machines/);
    expect(r.benchmarks[0]!.verdict).toBe('regression');
  });

  it('compare.countMinEffect and a suite minEffect apply; compare.minEffect (for time) does not', () => {
    expect(verdictOf(history, 1_015_000, 'instructions', { minEffect: 0.05 }).verdict).toBe('regression');
    expect(verdictOf(history, 1_015_000, 'instructions', { countMinEffect: 0.02 }).verdict).toBe('unchanged');
    expect(countMinEffect(ID, 's', { minEffect: 0.05 }, { s: 0.04 })).toBe(0.04);
    expect(countMinEffect(ID, 's', { overrides: [{ benchmark: 's/*', minEffect: 0.002 }] }, undefined)).toBe(0.002);
    expect(countMinEffect(ID, 's', undefined, undefined)).toBe(0.01);
  });
});

describe('toolchainWarnings', () => {
  const counts = (m: Partial<typeof machine> & Record<string, string>) =>
    run([bench(ID, 1e6, { samples: false, unit: 'instructions' })], { machine: { ...machine, ...m } });

  it('warns when Node, V8 or Valgrind differ between counted runs, and names them', () => {
    const base = counts({ nodeVersion: 'v20.20.2', v8Version: '11.3', valgrindVersion: '3.19.0' });
    const cur = counts({ nodeVersion: 'v20.20.3', v8Version: '11.3', valgrindVersion: '3.22.0' });
    const [w] = toolchainWarnings([base], [cur]);
    expect(w).toMatch(/Node v20\.20\.2 vs v20\.20\.3; Valgrind 3\.19\.0 vs 3\.22\.0/);
    expect(w).not.toMatch(/V8 11/);
    expect(compareRuns({ baseline: [base], current: [cur] }).warnings).toContain(w);
  });

  it('says nothing for timed runs or the same toolchain', () => {
    const timed = (v: string) => run([bench('s/t', 1)], { machine: { ...machine, nodeVersion: v } });
    expect(toolchainWarnings([timed('v20.1.0')], [timed('v20.2.0')])).toEqual([]);
    const same = counts({ valgrindVersion: '3.19.0' });
    expect(toolchainWarnings([same], [same])).toEqual([]);
  });
});
