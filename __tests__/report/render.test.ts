import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotations, renderConsole, renderMarkdown, type RenderContext } from '../../src/report/index.js';
import type { Report } from '../../src/model/index.js';
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
    const order = [
      'Design: history of 10 baseline runs',
      '[!NOTE]',
      '#### Regressions',
      '#### Targets',
      '#### Warnings',
      '#### Run errors',
      '<details>',
      '[workflow run](',
    ];
    const at = order.map((s) => md.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(md).toMatch(
      /\| parser › parse large file \| \+23\.1% \| \[\+15\.2%, \+31\.8%\] \| \[[▁▂▃▄▅▆▇█]{4}┊[▁▂▃▄▅▆▇█]{3}\]\(https:\/\/octo-org\.github\.io\/octo-repo\/perf\/#bench=parser%2Fparse\+large\+file\) \| 1\.25 ms \| 1\.54 ms \|/,
    );
    expect(md).toContain('~ +1.1%'); // not significant
  });

  it('makes a hostile benchmark name inert: no HTML, no mention, no broken table', () => {
    const name = '<img src=x onerror=alert(1)> | @octocat `code` **bold** [x](javascript:alert(1))\nnext line #999';
    const r = report(
      [
        bench({
          name,
          suite: '@team|<b>',
          verdict: 'regression',
          change: 0.5,
          baseline: { value: 1, n: 5 },
          current: { value: 1.5, n: 5 },
        }),
      ],
      {
        warnings: [`Run of ${name}`],
        errors: [{ suite: name, message: '@octocat <script>' }],
      },
    );
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
    expect(md).toContain("the JSON report (the action's `report` output) has all 2000 results");
    expect(md.trimEnd().endsWith('</sub>')).toBe(true);
  });

  it('drops detail rows before regressions, and regressions only when nothing else is left', () => {
    const regs = Array.from({ length: 50 }, (_, i) =>
      bench({ name: `r${i}`, verdict: 'regression', change: 0.3, baseline: { value: 1, n: 3 }, current: { value: 1.3, n: 3 } }),
    );
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

  it('shows the smallest detectable change once, from its field (the reason no longer carries it)', () => {
    const noisy = (reason?: string) =>
      renderMarkdown(report([bench({ name: 'n', verdict: 'inconclusive', change: 0.01, minDetectableEffect: 0.3, reason })]), {
        markerId: 'p',
      });
    expect(noisy()).toContain('Could detect ≥ 30.0%.');
    expect(noisy('too few runs')).toContain('too few runs. Could detect ≥ 30.0%.');
    expect(noisy('too few runs').match(/could detect/gi)).toHaveLength(1);
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
        message: 'parser › parse large file changed by +23.1% (98% CI [+15.2%, +31.8%]): 1.25 ms → 1.54 ms.',
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

describe('the headline says what the run could and could not see', () => {
  const inconclusive = (name: string, mde: number) =>
    bench({ name, verdict: 'inconclusive', change: 0.01, ci: [-0.3, 0.4], minDetectableEffect: mde });
  const seven = report([0.13, 0.3, 0.24, 0.5, 0.2, 27.87, 0.22].map((m, i) => inconclusive(`b${i}`, m)));

  it('an all-inconclusive pass is "no regression detected", with the smallest and median detectable change', () => {
    const md = renderMarkdown(seven, { markerId: 'p' });
    expect(md).toContain(
      '### ✅ Performance: pass — no regression detected\n\n**7 inconclusive** — this run could see changes ≥ 13% (median 24%); use A/B mode or instruction counts to see smaller ones.',
    );
    expect(md).not.toContain('(no regression)');
    expect(renderConsole(seven).split('\n').slice(0, 2)).toEqual([
      'Performance: PASS — 7 inconclusive',
      'This run could see changes ≥ 13% (median 24%); use A/B mode or instruction counts to see smaller ones.',
    ]);
    const paired = renderMarkdown({ ...seven, design: 'paired' }, { markerId: 'p' });
    expect(paired).toContain('more A/B rounds (the notes say how many) or instruction counts would see smaller ones.');
  });

  it('a crashed suite fails in the headline as in the gate, and its benchmarks read as not measured', () => {
    const r = report(
      [bench({ name: 'gone', verdict: 'error', baseline: { value: 7_000, n: 10 }, reason: 'Not measured: suite parser failed: exit 1' })],
      { errors: [{ suite: 'parser', message: 'exit 1' }] },
    );
    expect(r.verdict).toBe('fail');
    const md = renderMarkdown(r, { markerId: 'p' });
    expect(md).toMatch(/^### ❌ Performance: fail — 1 suite error$/m);
    expect(md).toContain('**1 not measured**');
    expect(md).toContain('| parser › gone | ❌ not measured |');
    expect(md).toContain('Not measured&#58; suite parser failed&#58; exit 1.');
    expect(md).not.toContain('missing');
    expect(renderConsole(r).split('\n')[0]).toBe('Performance: FAIL — 1 not measured (1 suite error)');
  });

  it('without a baseline, says so instead of a method over 0 tests', () => {
    const r = report([bench({ name: 'fresh', verdict: 'new', current: { value: 5, n: 1 } })], {
      baseline: undefined,
      method: 'nothing to test',
    });
    const md = renderMarkdown(r, { markerId: 'p' });
    expect(md).toContain('### ✅ Performance: pass — no baseline to compare with yet');
    expect(md).toContain('Design: no baseline run yet — every benchmark is new; nothing was tested.');
    expect(md).not.toMatch(/single baseline run|correction over 0/);
    expect(renderConsole(r)).toContain('Design: no baseline run yet');
  });

  it('prints the level the intervals were computed at, and where the baseline came from', () => {
    const r = { ...failing, confidence: 0.95, baseline: { ...failing.baseline!, from: 'Actions cache', branch: 'main' } };
    const md = renderMarkdown(r, { markerId: 'p' });
    expect(md).toContain('| Benchmark | Change | 95% CI |');
    expect(md).toContain('Baseline&#58; 10 runs of main from Actions cache');
    expect(renderConsole(r)).toContain('· Baseline: 10 runs of main from Actions cache');
    expect(renderConsole({ ...r, confidence: 0.98 })).toContain('  98% CI  ');
  });
});

describe('messages', () => {
  it('cuts a long note at a word and keeps the whole text in the details', () => {
    const reason = `Too noisy to tell: CI -31% to +45%. ${'A long explanation with many words '.repeat(6)}end.`;
    const b = bench({
      name: 'n',
      verdict: 'inconclusive',
      design: undefined,
      reason,
      minDetectableEffect: 0.4,
      pairsToDetect: 42,
      minEffect: 0.03,
    } as never);
    const md = renderMarkdown(report([b], { design: 'paired' }), { markerId: 'p' });
    const cell = /<details><summary>(.*?)<\/summary>(.*?)<\/details>/.exec(md);
    expect(cell).not.toBeNull();
    expect(cell![1]).toMatch(/ [A-Za-z]+…$/); // whole words, then the ellipsis
    expect(cell![1]).not.toMatch(/roun…|wor…/);
    expect(cell![2]).toContain('About 42 pairs &#40;A/B rounds&#41; would detect 3.0%.');
    expect(cell![2]).toContain('Could detect ≥ 40.0%.');
    const wild = renderMarkdown(report([bench({ name: 'w', verdict: 'inconclusive', pairsToDetect: 900, minEffect: 0.03 })]), {
      markerId: 'p',
    });
    expect(wild).toContain('Even 100 pairs &#40;A/B rounds&#41; would not detect 3.0%&#58; this benchmark is too noisy on this runner.');
  });

  const stderr =
    "Suite 'build': command 'npm run bench' exited with code 1. Its stderr ended with:\n    > bench\n    Error: cannot find module 'x' (token ghp_SECRET)\n    at load (`a`)\n    ```";
  const crashed = report([], { errors: [{ suite: 'build', message: stderr }] });

  it("a failing command's stderr: a fenced block in the job summary, only the first error line in the PR comment", () => {
    const summary = renderMarkdown(crashed, { markerId: 'p', audience: 'summary' });
    expect(summary).toContain(
      "- ❌ build: Suite &#39;build&#39;&#58; command &#39;npm run bench&#39; exited with code 1. Its stderr ended with&#58;\n\n  ````text\n  > bench\n  Error: cannot find module 'x' (token ghp_SECRET)\n  at load (`a`)\n  ```\n  ````",
    );
    const comment = renderMarkdown(crashed, { markerId: 'p' });
    expect(comment).not.toContain('> bench');
    expect(comment).not.toContain('at load');
    expect(comment).toContain(
      'exited with code 1. Its stderr ended with&#58; — Error&#58; cannot find module &#39;x&#39; &#40;token ghp&#95;SECRET&#41; <sub>',
    );
    const console = renderConsole(crashed);
    expect(console).toContain(
      "error: build: Suite 'build': command 'npm run bench' exited with code 1. Its stderr ended with:\n```\n> bench\nError: cannot find module 'x' (token ghp_SECRET)\n",
    );
  });

  it('the A/B header counts pairs, not baseline runs', () => {
    expect(renderConsole(passingPaired)).toContain('Design: paired (20 pairs)');
  });
});

describe('annotations are capped', () => {
  it('5,000 regressions make 10 annotations and one that counts the rest', () => {
    const regs = Array.from({ length: 5000 }, (_, i) =>
      bench({
        name: `r${i}`,
        verdict: 'regression',
        change: 0.3,
        ci: [0.2, 0.4],
        baseline: { value: 1, n: 3 },
        current: { value: 1.3, n: 3 },
      }),
    );
    const a = annotations(report(regs));
    expect(a).toHaveLength(11);
    expect(a[0]?.title).toBe('Performance regression: parser › r0');
    expect(a[10]).toEqual({
      title: 'Performance: 4990 more regressions or alerts',
      message: '5000 regressions and alerts in all (4990 not annotated); the job summary and the JSON report list every one.',
    });
    expect(annotations(report(regs.slice(0, 10)))).toHaveLength(10);
  });
});

describe('invisible characters in names', () => {
  it('shows bidi overrides, isolates and zero-width characters escaped in the comment, console and annotations', () => {
    const name = 'safe\u202Eevil\u2066x\u2069\u200By\u200Dz\uFEFF';
    const r = report([bench({ name, verdict: 'regression', change: 0.5, baseline: { value: 1, n: 5 }, current: { value: 1.5, n: 5 } })]);
    const shown = 'safe\\u202Eevil\\u2066x\\u2069\\u200By\\u200Dz\\uFEFF';
    const md = renderMarkdown(r, { markerId: 'p' });
    expect(md).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B\uFEFF]/);
    expect(md).toContain(shown.replaceAll('\\', '&#92;'));
    expect(renderConsole(r)).toContain(shown);
    expect(annotations(r)[0]?.title).toBe(`Performance regression: parser › ${shown}`);
  });
});
