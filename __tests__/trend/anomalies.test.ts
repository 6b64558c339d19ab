import { describe, expect, it } from 'vitest';
import { findAnomalies, noiseScale } from '../../src/trend/anomalies.js';
import { noisy } from './series.js';

describe('findAnomalies', () => {
  it('marks one run far off both sides and nothing else', () => {
    const z = noisy(60, 0.01, 5, []);
    z[30] = (z[30] as number) + 0.3;
    const found = findAnomalies(z);
    expect(found.map((a) => a.index)).toEqual([30]);
    expect(found[0]?.deviation).toBeGreaterThan(0.2);
    expect(found[0]?.pending).toBe(false);
  });

  it('does not mark a step: the runs after it agree with it', () => {
    expect(findAnomalies(noisy(60, 0.01, 6, [[30, 0.5]]))).toEqual([]);
  });

  it('marks two bad runs in a row too', () => {
    const z = noisy(60, 0.01, 7, []);
    z[20] = (z[20] as number) + 0.4;
    z[21] = (z[21] as number) + 0.4;
    expect(findAnomalies(z).map((a) => a.index)).toEqual([20, 21]);
  });

  it('holds the newest run as pending when it is off the runs before it', () => {
    const z = noisy(40, 0.01, 8, []);
    z[39] = (z[39] as number) + 0.3;
    const found = findAnomalies(z);
    expect(found.map((a) => [a.index, a.pending])).toEqual([[39, true]]);
  });

  it('on an exact series, any lone departure is an anomaly with z = Infinity', () => {
    const z = new Array(12).fill(0);
    z[6] = 0.01;
    expect(findAnomalies(z)).toEqual([{ index: 6, deviation: 0.01, z: Infinity, pending: false }]);
    expect(noiseScale(new Array(12).fill(0))).toBe(0);
  });

  it('needs five runs', () => {
    expect(findAnomalies([0, 0, 5, 0])).toEqual([]);
  });
});
