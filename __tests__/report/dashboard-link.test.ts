import { describe, expect, it } from 'vitest';
import { benchmarkPermalink, dashboardUrl, renderMarkdown } from '../../src/report/index.js';
import { parseState } from '../../src/dashboard/page/state.js';
import { failing } from './reports.js';

describe('dashboardUrl', () => {
  it('is the GitHub Pages address of the folder, lower-case host', () => {
    expect(dashboardUrl({ owner: 'Octo-Org', repo: 'Perf.Repo', dir: 'dashboard' })).toBe(
      'https://octo-org.github.io/Perf.Repo/dashboard/',
    );
    expect(dashboardUrl({ owner: 'o', repo: 'r', dir: 'a/b/' })).toBe('https://o.github.io/r/a/b/');
    expect(dashboardUrl({ owner: 'o', repo: 'r', dir: '.' })).toBe('https://o.github.io/r/');
  });
  it('serves a repository named OWNER.github.io at the root of the host', () => {
    expect(dashboardUrl({ owner: 'Octo', repo: 'octo.github.io', dir: 'dash' })).toBe('https://octo.github.io/dash/');
  });
  it('takes the override as it is', () => {
    expect(dashboardUrl({ owner: 'o', repo: 'r', dir: 'd', override: 'https://perf.example.org/' })).toBe('https://perf.example.org/');
  });
});

describe('benchmarkPermalink', () => {
  it('names the benchmark the way the page reads its fragment, whatever its characters', () => {
    const id = 'suite/a b&c=#)](<img>';
    const url = benchmarkPermalink('https://o.github.io/r/d/#q=old', id);
    expect(url.startsWith('https://o.github.io/r/d/#bench=')).toBe(true);
    expect(parseState(new URL(url).hash).bench).toBe(id);
  });
});

describe('the comment links each regression to its chart', () => {
  it('only when a dashboard is given, with the link text escaped into the markdown link', () => {
    const without = renderMarkdown(failing, { markerId: 'p' });
    expect(without).not.toContain('#bench=');
    const md = renderMarkdown(failing, { markerId: 'p', dashboardUrl: 'https://o.github.io/r/dashboard/' });
    const links = [...md.matchAll(/\]\((https:\/\/o\.github\.io\/r\/dashboard\/#bench=[^)\s]+)\)/g)].map((m) => m[1]!);
    const regressions = failing.benchmarks.filter((b) => b.verdict === 'regression').map((b) => b.id);
    expect(links.map((l) => parseState(new URL(l).hash).bench)).toEqual(regressions);
    expect(md).toContain('[dashboard](https://o.github.io/r/dashboard/)');
  });
});
