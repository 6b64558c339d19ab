import { describe, expect, it } from 'vitest';
import { holmAdjust } from '../../src/compare/holm.js';

describe('holmAdjust', () => {
  it('matches R p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm")', () => {
    const got = holmAdjust([0.01, 0.04, 0.03, 0.005]);
    [0.03, 0.06, 0.06, 0.02].forEach((ref, i) => expect(got[i]).toBeCloseTo(ref, 12));
  });

  it('caps at 1 and leaves untested entries out of the count', () => {
    const got = holmAdjust([0.5, NaN, 0.6]);
    expect(got[0]).toBe(1);
    expect(got[1]).toBeNaN();
    expect(got[2]).toBe(1);
    expect(holmAdjust([0.02, NaN])[0]).toBeCloseTo(0.02, 12);
  });
});
