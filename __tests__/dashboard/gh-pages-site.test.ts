/**
 * The gh-pages store publishing the dashboard with each save: one commit holds the history and
 * the site, rebuilt from every branch's history; the folder is replaced, the histories never
 * touched; the published site opens in Chromium.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/dashboard/index.js';
import { StoreError } from '../../src/model/errors.js';
import { createStore, type SiteOption } from '../../src/store/index.js';
import { errorsOf, hasChromium, launch, openSite, pageAssets } from '../helpers/browser.js';
import { HOSTILE_NAME, makeRuns } from '../helpers/dashboard-history.js';
import { git, setup } from '../store/pages-origin.js';

const hasGit = spawnSync('git', ['--version']).status === 0;
if (!hasGit) console.warn('SKIP gh-pages dashboard tests: the `git` CLI is missing (Debian package: git).');

describe.skipIf(!hasGit)('the gh-pages store publishes the dashboard (needs git)', () => {
  it('commits history and site together, rebuilds from all branches, and replaces only the site folder', async () => {
    const { origin, checkout } = await setup();
    const assets = await pageAssets();
    const site: SiteOption = {
      dir: 'dashboard',
      build: (histories) => buildSite({ histories, defaultBranch: 'main', generated: '2026-03-01T00:00:00.000Z' }, assets),
    };
    const store = createStore({ kind: 'gh-pages', repoDir: checkout, site });
    const runs = makeRuns({ benchmarks: 3, runs: 3 });
    await store.save(runs[0]!, 'main');
    const files = () => git(origin, 'ls-tree', '-r', '--name-only', 'gh-pages').split('\n');
    expect(git(origin, 'rev-list', '--count', 'gh-pages')).toBe('1');
    const first = files();
    expect(first).toContain('benchmarks/main.json');
    for (const f of [
      'dashboard/index.html',
      'dashboard/app.js',
      'dashboard/app.css',
      'dashboard/data/manifest.js',
      'dashboard/data/runs.js',
    ])
      expect(first).toContain(f);
    expect(first.filter((f) => f.startsWith('dashboard/data/b/'))).toHaveLength(3);

    // Another branch's save sees main's history too; a run with fewer benchmarks leaves no stale shard.
    const feature = makeRuns({ benchmarks: 1, runs: 1, branch: 'feat/x' })[0]!;
    await createStore({ kind: 'gh-pages', repoDir: checkout, site }).save(feature, 'feat/x');
    const manifest = git(origin, 'show', 'gh-pages:dashboard/data/manifest.js');
    expect(manifest).toContain('"branches":[{"name":"main","runs":1');
    expect(manifest).toContain('{"name":"feat/x","runs":1');
    expect(files().filter((f) => f.startsWith('dashboard/data/b/'))).toHaveLength(3);
    expect(files()).toContain('benchmarks/feat%2Fx.json');

    await store.save(runs[1]!, 'main');
    await store.save(runs[2]!, 'main');
    expect(git(origin, 'rev-list', '--count', 'gh-pages')).toBe('4');
    expect(git(origin, 'show', 'gh-pages:dashboard/data/manifest.js')).toContain('"branches":[{"name":"main","runs":3');

    if (!hasChromium) return;
    const out = mkdtempSync(join(tmpdir(), 'dash-pages-'));
    git(out, 'clone', '--quiet', '--branch', 'gh-pages', origin, 'pages');
    const browser = await launch();
    try {
      const page = await browser.newPage();
      const errors = errorsOf(page);
      await openSite(page, join(out, 'pages', 'dashboard'), '#q=onerror');
      expect(await page.$$eval('.card h3', (els) => els.map((e) => e.textContent))).toEqual([HOSTILE_NAME]);
      await page.waitForSelector('.card canvas');
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('refuses a site folder that holds or sits inside the history folder, before any write', async () => {
    const { checkout } = await setup();
    const build = async () => new Map<string, string>();
    for (const dir of ['benchmarks', 'benchmarks/site', '.', ''])
      expect(() => createStore({ kind: 'gh-pages', repoDir: checkout, site: { dir, build } }), dir).toThrow(StoreError);
    expect(() => createStore({ kind: 'gh-pages', repoDir: checkout, dataDir: 'data/perf', site: { dir: 'data', build } })).toThrow(
      /must be a folder of its own on the branch, apart from the history folder "data\/perf"/,
    );
  });
});
