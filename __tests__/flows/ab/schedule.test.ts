import { describe, expect, it } from 'vitest';
import { formatDuration, roundFits, roundOrder } from '../../../src/flows/ab/schedule.js';

describe('A/B schedule', () => {
  it('alternates which side goes first, so each goes first equally often', () => {
    const orders = Array.from({ length: 6 }, (_, i) => roundOrder(i));
    expect(orders.map((o) => o.join(','))).toEqual(['base,head', 'head,base', 'base,head', 'head,base', 'base,head', 'head,base']);
    expect(orders.filter((o) => o[0] === 'base').length).toBe(3);
  });
  it('starts a round only when the slowest round so far still fits the budget', () => {
    expect(roundFits(0, [], 10)).toBe(true);
    expect(roundFits(6_000, [3_000, 4_000], 10)).toBe(true);
    expect(roundFits(6_001, [3_000, 4_000], 10)).toBe(false);
    expect(roundFits(1e9, [4_000], 0)).toBe(true);
  });
  it('formats an ETA', () => {
    expect(formatDuration(200_000)).toBe('3 min 20 s');
    expect(formatDuration(4_400)).toBe('4 s');
  });
});
