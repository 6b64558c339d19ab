/**
 * The built dashboard in headless Chromium, opened from file:// as a user would open the CLI's
 * output: overview, search, permalinks, branch overlay, zoom, detail, hostile names as text.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildSite, writeSite } from '../../src/dashboard/index.js';
import { errorsOf, hasChromium, launch, NO_CHROMIUM, openSite, pageAssets } from '../helpers/browser.js';
import { benchName, HOSTILE_NAME, makeHistory } from '../helpers/dashboard-history.js';

if (!hasChromium) console.warn(NO_CHROMIUM);

describe.skipIf(!hasChromium)('the dashboard page in Chromium', () => {
  let browser: Browser;
  let site: string;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    site = mkdtempSync(join(tmpdir(), 'dash-site-'));
    const histories = [makeHistory({ benchmarks: 150, runs: 60 }), makeHistory({ benchmarks: 20, runs: 8, branch: 'feature/x', seed: 5 })];
    const files = await buildSite(
      {
        histories,
        defaultBranch: 'main',
        generated: '2026-03-02T00:00:00.000Z',
        repository: { serverUrl: 'https://github.com', name: 'o/r' },
        checks: { thresholds: [{ benchmark: 'suite-0/*', target: '<= 12us' }] },
      },
      await pageAssets(),
    );
    await writeSite(site, files);
    browser = await launch();
  });
  afterAll(async () => browser?.close());
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    errors = errorsOf(page);
  });

  const count = () => page.textContent('#count');

  it('shows the overview and the first cards, draws the visible charts, with no console error', async () => {
    await openSite(page, site);
    const figures = await page.$$eval('#overview .figure', (els) => els.map((e) => e.textContent));
    expect(figures[0]).toBe('150benchmarks');
    expect(figures[1]).toBe('15regressions, last 30 days');
    expect(await count()).toBe('150 of 150 benchmarks');
    expect(await page.locator('.card').count()).toBe(60);
    await page.waitForSelector('.card canvas');
    // Lazy: the cards far below the fold have no chart yet.
    const drawn = await page.locator('.card canvas').count();
    expect(drawn).toBeGreaterThan(0);
    expect(drawn).toBeLessThan(60);
    // The page has no horizontal overflow (a gross layout break).
    expect(await page.evaluate('document.documentElement.scrollWidth <= innerWidth')).toBe(true);
    expect(errors).toEqual([]);
  });

  it('shows a hostile name as text, running nothing', async () => {
    await openSite(page, site, `#q=${encodeURIComponent('onerror')}`);
    await page.waitForSelector('.card h3');
    expect(await page.$$eval('.card h3', (els) => els.map((e) => e.textContent))).toEqual([HOSTILE_NAME]);
    expect(await page.locator('main img').count()).toBe(0);
    await page.click('.card .open');
    await page.waitForSelector('#detail-title');
    expect(await page.textContent('#detail-title')).toBe(HOSTILE_NAME);
    expect(await page.locator('main img').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('filters by substring and glob as one types, and keeps the search in the URL', async () => {
    await openSite(page, site);
    await page.fill('#q', 'op-001');
    expect(await count()).toBe('10 of 150 benchmarks');
    expect(new URL(page.url()).hash).toBe('#q=op-001');
    await page.fill('#q', 'suite-3/op-01*');
    expect(await page.$$eval('.card h3', (els) => els.map((e) => e.textContent))).toEqual([103, 113, 123, 133, 143].map(benchName));
    await page.fill('#q', '');
    await page.check('#regressed');
    expect(await count()).toBe('15 of 150 benchmarks');
    await page.selectOption('#suite', 'suite-0');
    expect(await count()).toBe('15 of 150 benchmarks');
    await page.selectOption('#suite', 'suite-1');
    expect(await count()).toBe('0 of 150 benchmarks');
    expect(new URL(page.url()).hash).toBe('#suite=suite-1&regressed=1');
    expect(errors).toEqual([]);
  });

  it('restores a permalink, and Back returns to the previous view', async () => {
    await openSite(page, site, '#suite=suite-2&log=1');
    expect(await count()).toBe('15 of 150 benchmarks');
    expect(await page.isChecked('#log')).toBe(true);
    expect(await page.inputValue('#suite')).toBe('suite-2');
    await page.click('.card .open');
    await page.waitForSelector('#detail-title');
    expect(new URL(page.url()).hash).toBe(`#suite=suite-2&bench=${encodeURIComponent(`suite-2/${benchName(2)}`)}&log=1`);
    expect(await page.isVisible('#browse')).toBe(false);
    await page.goBack();
    await page.waitForSelector('#browse:not([hidden])');
    expect(await count()).toBe('15 of 150 benchmarks');
    expect(errors).toEqual([]);
  });

  it('opens the detail: chart, change points, statistics and metrics, the samples, the table', async () => {
    const id = `suite-0/${benchName(10)}`;
    await openSite(page, site, `#bench=${encodeURIComponent(id)}`);
    await page.waitForSelector('#detail canvas');
    const captions = await page.$$eval('#detail caption, #detail figcaption', (els) => els.map((e) => e.textContent ?? ''));
    expect(captions[0]).toBe('Change points (default branch)');
    expect(captions[1]).toBe('Forecasts of the budgets (default branch)');
    expect(captions[2]).toMatch(/^Targets and thresholds on the newest run \(aaaaaaa 2026-03-01\)$/);
    expect(captions[3]).toBe('Newest run: statistics and metrics');
    expect(captions[4]).toMatch(/^Samples of the newest run that kept them .*: 10 samples$/);
    const cp = await page.$$eval('#detail table.changes tbody tr', (rows) => rows.map((r) => r.textContent));
    expect(cp).toHaveLength(1);
    expect(cp[0]).toMatch(/^aaaaaaa2026-02-15\+(1[5-9]|2[0-5])\.\d%\[\+\d+\.\d%, \+\d+\.\d%\]regression$/);
    const stats = await page.$$eval('#detail table.stats tbody tr', (rows) => rows.map((r) => r.firstChild?.textContent));
    expect(stats).toContain('median');
    expect(stats).toContain('peakRss');
    expect(await page.locator('#detail details.points tbody tr').count()).toBe(60);
    expect(errors).toEqual([]);
  });

  it('shows the targets met in the overview, and the detail’s drift, forecast and checked threshold', async () => {
    await openSite(page, site);
    // suite-0 holds op-0000, op-0010, …, op-0140, near 1, 11, …, 44 µs (op-0010 stepped to ~13 µs): 2 of 15 meet ≤ 12 µs.
    expect(await page.textContent('#overview .figure.checks')).toBe('2 of 15targets and thresholds met, newest run');
    const missed = page.locator('#overview .missed li');
    expect(await missed.count()).toBe(10);
    await missed.first().locator('button').click();
    await page.waitForSelector('#detail table.checks');
    expect(await page.textContent('#detail table.checks tbody tr')).toMatch(/missed \(warning\)/);
    expect(await page.textContent('#detail .drift')).toMatch(/^Drift over the last \d+ runs: [+-]\d/);
    expect(await page.$$eval('#detail table.forecasts tbody tr', (rows) => rows.map((r) => r.children[3]?.textContent))).toEqual([
      'crossed',
    ]);
    await openSite(page, site, `#bench=${encodeURIComponent(`suite-0/${benchName(10)}`)}`);
    await page.waitForSelector('#detail table.changes');
    expect(await page.textContent('#detail table.changes tbody tr')).toMatch(/\[\+\d+\.\d%, \+\d+\.\d%\]regression$/);
    expect(errors).toEqual([]);
  });

  it('overlays another branch with a Δ% badge', async () => {
    await openSite(page, site, '#q=suite-0');
    await page.selectOption('#branch', 'feature/x');
    expect(await count()).toBe('2 of 150 benchmarks');
    await page.waitForSelector('.card .delta:not([hidden])');
    const badges = await page.$$eval('.card .delta:not([hidden])', (els) => els.map((e) => e.textContent));
    expect(badges).toHaveLength(2);
    for (const b of badges) expect(b).toMatch(/^feature\/x [+-]\d+\.\d%$/);
    expect(errors).toEqual([]);
  });

  it('compares two commits: the change between their values with the stored intervals, as a change and not a verdict', async () => {
    const sha = (run: number) => (run + 1).toString(16).padStart(40, 'a');
    await openSite(page, site, `#q=${encodeURIComponent(`suite-0/${benchName(10)}`)}`);
    await page.waitForSelector(`#to option[value="${sha(59)}"]`, { state: 'attached' });
    await page.selectOption('#from', sha(30));
    await page.selectOption('#to', sha(59));
    expect(new URL(page.url()).hash).toBe(`#q=${encodeURIComponent(`suite-0/${benchName(10)}`)}&from=${sha(30)}&to=${sha(59)}`);
    await page.waitForSelector('.card .commits:not([hidden])');
    // The +20% step lies between the two (run 45), each run ±4.5% of noise; only the newer run kept raw samples, so only it has an interval.
    expect(await page.textContent('.card .commits')).toMatch(
      /^aaaaaaa → aaaaaaa: \+(1[0-9]|2[0-9])\.\d% \(a change, not a verdict\) · [\d.]+ µs \(no interval: samples not kept\) → [\d.]+ µs \[[\d.]+ µs – [\d.]+ µs\]$/,
    );
    await page.click('.card .open');
    await page.waitForSelector('#detail table.commits');
    expect(await page.textContent('#detail table.commits caption')).toMatch(/^Commits compared: \+\d+\.\d%, a change, not a verdict$/);
    expect(await page.locator('#detail table.commits tbody tr').count()).toBe(2);
    // A commit that has no run of the benchmark says so.
    await openSite(page, site, `#q=${encodeURIComponent(`suite-0/${benchName(10)}`)}&from=${'f'.repeat(40)}&to=${sha(59)}`);
    await page.waitForSelector('.card .commits:not([hidden])');
    expect(await page.textContent('.card .commits')).toBe('fffffff → aaaaaaa: fffffff has no run of this benchmark');
    expect(errors).toEqual([]);
  });

  it('zooms by drag, shows the commit on hover, and keeps a table beside the chart', async () => {
    await openSite(page, site, `#q=${encodeURIComponent(`suite-3/${benchName(3)}`)}`);
    const over = page.locator('.card .u-over').first();
    await over.waitFor();
    const canvas = page.locator('.card canvas').first();
    const picture = () => canvas.evaluate((c) => (c as unknown as { toDataURL(): string }).toDataURL());
    const before = await picture();
    const box = (await over.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2);
    expect(await page.textContent('.card .hover')).toMatch(
      /^aaaa[0-9a-f]{3} · 2026-\d\d-\d\d 00:00 · [\d.]+ µs · [+-]\d+\.\d% vs previous$/,
    );
    // A drag: uPlot ignores moves without movementX (its guard against a stray Chrome event), and
    // CDP's synthetic moves have none; so the moves are dispatched with it.
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
    await page.mouse.down();
    // (The tests typecheck without the DOM library: the page's code is not theirs.)
    await page.evaluate(
      `(() => { const el = document.querySelector('.card .u-over'); const b = ${JSON.stringify(box)};
        for (let i = 1; i <= 5; i++) el.dispatchEvent(new MouseEvent('mousemove',
          { bubbles: true, clientX: b.x + b.width * (0.3 + i * 0.1), clientY: b.y + b.height / 2, movementX: 10 })); })()`,
    );
    await page.mouse.up();
    const after = await picture();
    expect(after).not.toBe(before);
    await page.click('.card details.points summary');
    expect(await page.locator('.card details.points tbody tr').count()).toBe(60);
    expect(errors).toEqual([]);
  });
});
