import { describe, expect, it } from 'vitest';
import { optimize, scalingProject, WORKLOAD } from './optimize-cli.js';

/** A sweep of the workload whose serial share is `serial` (σ = serial by construction). */
const suite = (name: string, serial: number) => ({
  name,
  command: `node ${WORKLOAD} --workers {N} --jobs 10 --job-ms 30 --serial ${serial} --parallel wait`,
  levels: [1, 2, 3, 4],
  repeats: 3,
  warmup: 0,
  unit: 'jobs',
});

describe('optimize on a workload with a known serial share', () => {
  it('fits a larger σ to a larger serial share, and calls the heavily serial one contention-bound', async () => {
    const dir = scalingProject([suite('serial-5%', 0.05), suite('serial-50%', 0.5)]);
    const run = await optimize(['--json'], dir);
    expect(run.code).toBe(0);
    const [light, heavy] = JSON.parse(run.stdout);
    for (const r of [light, heavy]) expect(r.analysis.fit).toBeDefined();
    const sigma = (r: {
      analysis: { fit: { chosen: 'usl' | 'amdahl'; usl: { params: { sigma: number } }; amdahl: { params: { sigma: number } } } };
    }) => r.analysis.fit[r.analysis.fit.chosen].params.sigma;
    expect(sigma(heavy)).toBeGreaterThan(sigma(light) + 0.2);
    expect(heavy.analysis.advice).toMatch(/^Contention-bound \(σ = 0\.\d+\): at most \d\.\d+× whatever the pool/);
    // Amdahl's bound for s = 0.5 is 2×: the measured speedup at N = 4 stays under it.
    expect(heavy.analysis.levels.at(-1).speedup).toBeLessThan(2.2);
  });
});
