import { describe, expect, it } from 'vitest';
import { commandResult, type CommandRun } from '../../src/bench/command-result.js';
import { parseGnuTime } from '../../src/bench/gnu-time.js';

const ms = 1e6;
const run = (ok: boolean, wallMs: number, userMs: number, sysMs: number, rssMiB: number): CommandRun => ({
  ok,
  wallNs: wallMs * ms,
  rusage: { cpuUserNs: userMs * ms, cpuSystemNs: sysMs * ms, peakRssBytes: rssMiB * 1024 * 1024 },
});

describe('commandResult', () => {
  it('makes wall time the primary metric and keeps CPU, RSS and utilization per run', () => {
    const r = commandResult(
      'cli',
      'help',
      [run(true, 100, 60, 20, 30), run(true, 200, 100, 50, 40), run(true, 300, 90, 30, 35)],
      'gnu-time',
      false,
    );
    expect(r).toMatchObject({ id: 'cli/help', suite: 'cli', name: 'help', unit: 'ns', direction: 'smaller', value: 200 * ms });
    expect(r.samples).toEqual([100 * ms, 200 * ms, 300 * ms]);
    expect(r.metrics!.cpuUser!.samples).toEqual([60 * ms, 100 * ms, 90 * ms]);
    expect(r.metrics!.cpuSystem!.value).toBe(30 * ms);
    expect(r.metrics!.peakRss!.value).toBe(35 * 1024 * 1024);
    expect(r.metrics!.cpuUtilization!.samples).toEqual([0.8, 0.75, 0.4]);
    expect(r.metrics!.successRate).toBeUndefined();
  });

  it('times only successful runs and records the success rate when failures are allowed', () => {
    const r = commandResult(
      's',
      'c',
      [run(true, 10, 1, 1, 1), run(false, 999, 1, 1, 1), run(true, 30, 1, 1, 1), run(false, 5, 1, 1, 1)],
      'gnu-time',
      true,
    );
    expect(r.samples).toEqual([10 * ms, 30 * ms]);
    expect(r.metrics!.successRate).toMatchObject({ value: 0.5, unit: 'ratio', direction: 'bigger' });
    expect(r.metrics!.successRate!.stats!.n).toBe(4);
  });

  it('has only wall time when resource use could not be read', () => {
    const r = commandResult('s', 'c', [{ ok: true, wallNs: 5 }], 'none', false);
    expect(r.measuredWith).toBe('none');
    expect(r.metrics).toEqual({});
  });
});

describe('parseGnuTime', () => {
  it('reads the marker line after GNU time’s own notes', () => {
    const text = 'Command exited with non-zero status 3\nTP-RUSAGE 0.52 0.31 0.05 51234 3\n';
    expect(parseGnuTime(text)).toEqual({ cpuUserNs: 310_000_000, cpuSystemNs: 50_000_000, peakRssBytes: 51234 * 1024 });
  });

  it('returns undefined when GNU time wrote no marker line', () => {
    expect(parseGnuTime('')).toBeUndefined();
    expect(parseGnuTime('TP-RUSAGE ?')).toBeUndefined();
  });
});
