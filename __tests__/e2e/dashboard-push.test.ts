/**
 * The dashboard's done-when, end to end: pushes of the built action (`dist/index.js`, as a
 * process with a runner's environment) with 1,000 benchmarks against a bare gh-pages origin leave
 * a site on the branch, and that site, cloned, opens and answers a search in headless Chromium.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorsOf, hasChromium, launch, NO_CHROMIUM, openSite } from '../helpers/browser.js';
import { bareHome, expectOk, git, push, repoWithConfig } from '../helpers/store-flow.js';

const hasGit = spawnSync('git', ['--version']).status === 0;
if (!hasGit) console.warn('skipping the dashboard push test: install git (apt-get install git)');
if (!hasChromium) console.warn(NO_CHROMIUM);

const N = 1000;
const CONFIG = { suites: [{ name: 'big', import: 'results.json', format: 'custom' }] };

/** Run `i`'s results: 1,000 benchmarks, op-0123 names, values that move a little per run. */
function writeResults(ws: string, i: number): void {
  const benchmarks = Array.from({ length: N }, (_, k) => ({
    name: `op-${String(k).padStart(4, '0')}`,
    unit: 'ms',
    direction: 'smaller',
    samples: [1, 1.01, 0.99, 1.02, 0.98].map((x) => x * (1 + (k % 7) / 10) * (1 + i / 100)),
  }));
  writeFileSync(join(ws, 'results.json'), JSON.stringify({ benchmarks }));
}

describe.skipIf(!hasGit)('the built action publishes the dashboard on push (needs git; Chromium for the page)', () => {
  it(`leaves a site with ${N} benchmarks on the gh-pages branch that opens and searches in Chromium`, { timeout: 240_000 }, async () => {
    const { bare, ws } = repoWithConfig(CONFIG);
    const env = { HOME: bareHome() };
    for (let i = 1; i <= 3; i++) {
      writeResults(ws, i);
      expectOk(await push(ws, i, { baseline: 'gh-pages', comment: 'false', token: '' }, env));
    }
    const files = git(bare, 'ls-tree', '-r', '--name-only', 'gh-pages').split('\n');
    expect(files).toEqual(expect.arrayContaining(['benchmarks/main.json', 'dashboard/index.html', 'dashboard/data/manifest.js']));
    expect(files.filter((f) => f.startsWith('dashboard/data/b/'))).toHaveLength(N);
    expect(git(bare, 'rev-list', '--count', 'gh-pages')).toBe('3'); // history and site in one commit per push

    if (!hasChromium) return;
    const out = mkdtempSync(join(tmpdir(), 'tp-dash-push-'));
    git(out, 'clone', '--quiet', '--branch', 'gh-pages', bare, 'pages');
    const browser = await launch();
    try {
      const page = await browser.newPage();
      const errors = errorsOf(page);
      await openSite(page, join(out, 'pages', 'dashboard'));
      expect(await page.textContent('#count')).toBe(`${N} of ${N} benchmarks`);
      await openSite(page, join(out, 'pages', 'dashboard'), '#q=op-012');
      expect(await page.textContent('#count')).toBe(`10 of ${N} benchmarks`);
      await page.waitForSelector('.card canvas');
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
