import { describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import { defaultLevels, runScalingSuite } from '../../src/bench/scaling.js';
import type { ProgressEvent } from '../../src/bench/types.js';

describe('defaultLevels', () => {
  it('gives powers of two and their 1.5 multiples up to 2 × cores, at least 4 levels', () => {
    expect(defaultLevels(1)).toEqual([1, 2, 3, 4]);
    expect(defaultLevels(2)).toEqual([1, 2, 3, 4]);
    expect(defaultLevels(4)).toEqual([1, 2, 3, 4, 6, 8]);
    expect(defaultLevels(8)).toEqual([1, 2, 3, 4, 6, 8, 12, 16]);
    expect(defaultLevels(6)).toEqual([1, 2, 3, 4, 6, 8, 12]);
  });
});

describe('runScalingSuite', () => {
  const ctx = (events: ProgressEvent[]) => ({ cwd: tmpdir(), emit: (e: ProgressEvent) => void events.push(e) });

  it('replaces {N}, counts work per worker when asked, and keeps the numbers a run writes', async () => {
    const events: ProgressEvent[] = [];
    const sweep = await runScalingSuite(
      {
        name: 'w',
        command: 'echo "{\\"accuracy\\": 0.{N}}" > "$TRACK_PERFORMANCE_METRICS"',
        work: 5,
        workPerWorker: true,
        repeats: 2,
        warmup: 1,
      },
      ctx(events),
      { levels: [3, 1], cores: 1 },
    );
    expect(sweep.levels.map((l) => [l.n, l.units, l.metrics])).toEqual([
      [1, [5, 5], { accuracy: [0.1, 0.1] }],
      [3, [15, 15], { accuracy: [0.3, 0.3] }],
    ]);
    expect(sweep.order).toEqual([1, 3, 3, 1]);
    for (const l of sweep.levels) l.throughputs.forEach((x, i) => expect(x).toBeCloseTo(l.units[i]! / (l.wallNs[i]! / 1e9), 6));
    expect(events.filter((e) => e.type === 'info')).toHaveLength(4);
  });

  it('stops a level whose run writes a malformed metrics file, naming the variable, and goes on with the others', async () => {
    const events: ProgressEvent[] = [];
    const sweep = await runScalingSuite(
      { name: 'm', command: 'test {N} -eq 2 && echo nope > "$TRACK_PERFORMANCE_METRICS"; true', repeats: 2, warmup: 0 },
      ctx(events),
      { levels: [1, 2], cores: 1 },
    );
    expect(sweep.levels[0]!.throughputs).toHaveLength(2);
    expect(sweep.levels[1]!.error).toMatch(
      /wrote "nope\\n" to \$TRACK_PERFORMANCE_METRICS, which is not JSON; expected a JSON object of numbers/,
    );
    expect(events.some((e) => e.type === 'error' && e.task === 'N=2')).toBe(true);
  });
});
