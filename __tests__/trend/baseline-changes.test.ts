import { describe, expect, it } from 'vitest';
import { compareRuns } from '../../src/compare/index.js';
import { renderMarkdown } from '../../src/report/index.js';
import { withBaselineChanges } from '../../src/trend/baseline-changes.js';
import { commit, exactRuns } from './series.js';

describe("a PR comment's baseline that is still settling", () => {
  it('names the baseline history’s last change point and marks it on the sparkline', () => {
    const baseline = exactRuns([100, 100, 100, 100, 100, 100, 112, 112, 112]);
    const [current] = exactRuns([112]);
    const report = withBaselineChanges(compareRuns({ baseline, current: [current!] }), baseline);
    const b = report.benchmarks[0]!;
    expect(b.baselineChange).toEqual({ change: expect.closeTo(0.12, 9), verdict: 'regression', commit: commit(6), runsAgo: 3 });
    const md = renderMarkdown(report, { markerId: 'x' });
    expect(md).toContain('#### Baselines still settling');
    expect(md).toContain(`changed &#43;12.0% at ${commit(6).slice(0, 7)}, 3 runs ago`);
    expect(md).toMatch(/▁{6}┊█{4}/);
  });

  it('says nothing of a flat baseline', () => {
    const baseline = exactRuns(Array<number>(9).fill(100));
    const report = withBaselineChanges(compareRuns({ baseline, current: exactRuns([100]) }), baseline);
    expect(report.benchmarks[0]!.baselineChange).toBeUndefined();
    expect(renderMarkdown(report, { markerId: 'x' })).not.toContain('settling');
  });
});
