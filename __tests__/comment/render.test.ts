import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotations, renderConsole, renderMarkdown, type RenderContext } from '../../src/comment/index.js';
import type { Report } from '../../src/types.js';
import { bench, failing, passingPaired, report, singleBaseline } from './reports.js';

const GOLDEN = join(import.meta.dirname, 'golden');
const ctx: RenderContext = {
  markerId: 'track-performance',
  runUrl: 'https://github.com/octo-org/octo-repo/actions/runs/42',
  dashboardUrl: 'https://octo-org.github.io/octo-repo/perf/',
  notes: ['Baseline recorded on another machine (AMD EPYC 7763); differences may be the machine.'],
};

/** Compares with a golden file; `UPDATE_GOLDEN=1 npx vitest run` rewrites them after a reviewed change. */
function golden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN || !existsSync(file)) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

/** Table rows of a markdown body: lines starting with `|`, with their cell counts. */
function cellCounts(md: string): number[] {
  return md
    .split('\n')
    .filter((l) => l.startsWith('|'))
    .map((l) => l.split('|').length);
}

describe('renderMarkdown (golden)', () => {
  it('a failing PR on a history baseline', () => golden('fail-history.md', renderMarkdown(failing, ctx)));
  it('a passing A/B run', () => golden('pass-paired.md', renderMarkdown(passingPaired, { markerId: 'perf' })));
  it('a single baseline with new and missing benchmarks', () => golden('single.md', renderMarkdown(singleBaseline, { markerId: 'x' })));
  it('the console rendering', () => golden('fail-history.txt', renderConsole(failing)));
});

describe('renderMarkdown', () => {
  it('puts the marker first, the verdict and counts in the headline, and regressions before targets and details', () => {
    const md = renderMarkdown(failing, ctx);
    expect(md.startsWith('<!-- track-performance:track-performance -->\n')).toBe(true);
    expect(md).toMatch(/^### ❌ Performance: fail.*\n\n\*\*1 regression · 1 improvement · 1 inconclusive · 1 unchanged\*\*/m);
    const order = ['Design: history of 10 baseline runs', '[!NOTE]', '#### Regressions', '#### Targets', '#### Warnings', '#### Run errors', '<details>', '[workflow run]('];
    const at = order.map((s) => md.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(md).toMatch(/\| parser › parse large file \| \+23\.1% \| \[\+15\.2%, \+31\.8%\] \| [▁▂▃▄▅▆▇█]{7} \| 1\.25 ms \| 1\.54 ms \|/);
    expect(md).toContain('~ +1.1%'); // not significant
  });

  it('makes a hostile benchmark name inert: no HTML, no mention, no broken table', () => {
    const name = '<img src=x onerror=alert(1)> | @octocat `code` **bold** [x](javascript:alert(1))\nnext line #999';
    const r = report([bench({ name, suite: '@team|<b>', verdict: 'regression', change: 0.5, baseline: { value: 1, n: 5 }, current: { value: 1.5, n: 5 } })], {
      warnings: [`Run of ${name}`],
      errors: [{ suite: name, message: '@octocat <script>' }],
    });
    const md = renderMarkdown(r, { markerId: 'p', notes: [name] });
    expect(md).not.toMatch(/<img|<script|<b>|@octocat|@team|\]\(javascript|`code`|\*\*bold|#999/);
    expect(md).toContain('&lt;img src&#61;x onerror&#61;alert&#40;1&#41;&gt; &#124; &#64;\u200Docto');
    const widths = cellCounts(md);
    expect(widths.length).toBeGreaterThan(0);
    // Every row of a table has as many cells as its header: no `|` escaped the name.
    for (const table of md.split(/\n\n/).filter((b) => b.startsWith('|'))) expect(new Set(cellCounts(table)).size).toBe(1);
    // The marker id cannot close the HTML comment either.
    expect(renderMarkdown(r, { markerId: 'x --> <img src=x>' })).toMatch(/^<!-- track-performance:x-img-src-x- -->\n/);
  });

  it('keeps 2,000 benchmarks under the limit, every regression shown, and says what was folded away', () => {
    const many = Array.from({ length: 2000 }, (_, i) =>
      bench({
        name: `case ${i} with a fairly long descriptive benchmark name`,
        verdict: i % 100 === 0 ? 'regression' : 'unchanged',
        change: i % 100 === 0 ? 0.2 : 0.001,
        ci: [-0.01, 0.02],
        baseline: { value: 1000 + i, n: 10 },
        current: { value: 1001 + i, n: 3 },
        trend: [1000, 1001, 1002, 999, 1000],
      }),
    );
    const md = renderMarkdown(report(many), ctx);
    expect(md.length).toBeLessThanOrEqual(60_000);
    for (let i = 0; i < 2000; i += 100) expect(md).toContain(`case ${i} with`);
    expect(md).toMatch(/<summary>All results \(\d+ of 2000\)<\/summary>/);
    expect(md).toMatch(/… and \d+ more results, folded away to fit GitHub's comment limit/);
    expect(md).toContain('the JSON report (the action\'s `report` output) has all 2000 results');
    expect(md.trimEnd().endsWith('</sub>')).toBe(true);
  });

  it('drops detail rows before regressions, and regressions only when nothing else is left', () => {
    const regs = Array.from({ length: 50 }, (_, i) => bench({ name: `r${i}`, verdict: 'regression', change: 0.3, baseline: { value: 1, n: 3 }, current: { value: 1.3, n: 3 } }));
    const r = report(regs);
    const full = renderMarkdown(r, { markerId: 'p' });
    const tight = renderMarkdown(r, { markerId: 'p', maxLength: 2000 });
    expect(full.length).toBeGreaterThan(2000);
    expect(tight.length).toBeLessThanOrEqual(2000);
    expect(tight).toContain('<summary>All results (0 of 50)</summary>');
    const shown = (tight.match(/^\| parser › r\d+ \|/gm) ?? []).length;
    expect(shown).toBeGreaterThan(5);
    expect(shown).toBeLessThan(50);
    expect(tight).toContain(`… and ${50 - shown} more regressions, folded away`);
  });

  it('shows the smallest detectable change once, unless the reason already says it', () => {
    const noisy = (reason?: string) =>
      renderMarkdown(report([bench({ name: 'n', verdict: 'inconclusive', change: 0.01, minDetectableEffect: 0.3, reason })]), { markerId: 'p' });
    expect(noisy()).toContain('Could detect ≥ 30.0%.');
    expect(noisy('too few runs')).toContain('too few runs. Could detect ≥ 30.0%.');
    expect(noisy('the smallest change these runs could detect is about 30%')).not.toContain('could detect ≥');
  });

  it('keeps only http(s) links', () => {
    const md = renderMarkdown(passingPaired, { markerId: 'p', runUrl: 'javascript:alert(1)', dashboardUrl: 'https://x.io/a (b)' });
    expect(md).not.toContain('javascript');
    expect(md).toContain('[dashboard](https://x.io/a%20%28b%29)');
  });
});

describe('annotations and the console', () => {
  it('gives one annotation per regression and per crossed alert, in plain text', () => {
    const r: Report = {
      ...failing,
      targets: [...failing.targets, { name: 'p95 <b>', kind: 'threshold', status: 'failure', expected: '<= 30s', message: 'p95 is 41 s' }],
    };
    expect(annotations(r)).toEqual([
      {
        title: 'Performance regression: parser › parse large file',
        message: 'parser › parse large file changed by +23.1% (95% CI [+15.2%, +31.8%]): 1.25 ms → 1.54 ms.',
      },
      { title: 'Performance alert: p95 <b>', message: 'p95 is 41 s' },
    ]);
    expect(annotations(passingPaired)).toEqual([]);
  });

  it('flattens names to one line in the console', () => {
    const out = renderConsole(report([bench({ name: 'two\nlines', verdict: 'new', current: { value: 3, n: 1 } })]));
    expect(out).toContain('parser › two lines');
    expect(out.split('\n')[0]).toBe('Performance: PASS — 1 new');
  });
});
