import { describe, expect, it } from 'vitest';
import { analyzeTrends, runsHistory } from '../../src/trend/index.js';
import { changePointIssues } from '../../src/trend/issue-plan.js';
import { markedSparkline } from '../../src/report/marked-sparkline.js';
import { commit, exactRuns as runs } from './series.js';

const plan = (values: number[], minEffect = 0.05) => {
  const r = runs(values);
  const history = runsHistory(r);
  return changePointIssues(analyzeTrends({ history }), history, minEffect);
};

describe('the issues a trend report calls for', () => {
  it('one per regression change point of at least minEffect, named by the first commit after it and its neighbours', () => {
    const [only, ...rest] = plan([...Array<number>(8).fill(100), ...Array<number>(8).fill(120)]);
    expect(rest).toEqual([]);
    expect(only!.commits).toEqual([commit(8), commit(9), commit(7), commit(10), commit(6)]);
    expect(only!.at).toBe(8);
    expect(only!.values).toHaveLength(16);
    expect(only!.reversedBy).toBeUndefined();
  });

  it('none for an improvement or a regression under minEffect', () => {
    expect(plan([...Array<number>(8).fill(120), ...Array<number>(8).fill(100)])).toEqual([]);
    expect(plan([...Array<number>(8).fill(100), ...Array<number>(8).fill(103)])).toEqual([]);
    expect(plan([...Array<number>(8).fill(100), ...Array<number>(8).fill(103)], 0.02)).toHaveLength(1);
  });

  it('reversed when a later change brings the level back at least half-way, not when it undoes less', () => {
    const back = plan([...Array<number>(8).fill(100), ...Array<number>(9).fill(120), 101, 101]);
    expect(back).toHaveLength(1);
    expect(back[0]!.reversedBy?.after.commit).toBe(commit(17));
    const partly = plan([...Array<number>(8).fill(100), ...Array<number>(9).fill(120), 115, 115]);
    expect(partly).toHaveLength(1);
    expect(partly[0]!.reversedBy).toBeUndefined();
  });

  it('marks the change in the sparkline when it is among the bars shown', () => {
    expect(markedSparkline([1, 1, 1, 2, 2], 3)).toBe('▁▁▁┊██');
    expect(markedSparkline([1, 1, 1, 2, 2], 0)).toBe('▁▁▁██');
    expect(markedSparkline([1, 1, 1, 2, 2], 1, 3)).toBe('▁██');
    expect(markedSparkline([1, 1, 1, 2, 2], 3, 3)).toBe('▁┊██');
  });
});
