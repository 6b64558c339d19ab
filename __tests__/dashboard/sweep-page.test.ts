/** A scaling sweep's view in Chromium: listed in the overview, throughput and speedup vs N drawn, each with its table. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, writeSite } from '../../src/dashboard/index.js';
import { errorsOf, hasChromium, launch, NO_CHROMIUM, openSite, pageAssets } from '../helpers/browser.js';
import { SWEEP_LEVELS, sweepHistory } from '../helpers/sweep-history.js';

if (!hasChromium) console.warn(NO_CHROMIUM);

describe.skipIf(!hasChromium)('a scaling sweep on the dashboard', () => {
  let browser: Browser;
  let site: string;
  beforeAll(async () => {
    site = mkdtempSync(join(tmpdir(), 'dash-sweep-'));
    await writeSite(
      site,
      await buildSite({ histories: [sweepHistory(5)], defaultBranch: 'main', generated: '2026-12-01T00:00:00.000Z' }, await pageAssets()),
    );
    browser = await launch();
  });
  afterAll(async () => browser?.close());

  it('opens from the overview: both charts, the levels table, the speedup of every run, a permalink', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const errors = errorsOf(page);
    await openSite(page, site);
    await page.click('#overview .sweeps button');
    await page.waitForSelector('#detail table.speedups');
    expect(new URL(page.url()).hash).toBe('#sweep=crawl');
    expect(await page.textContent('#detail-title')).toBe('Scaling: crawl');
    expect(await page.textContent('#detail p.suite')).toMatch(/USL fit: σ 0\.0\d+, κ 0\.00\d+/);
    expect(await page.locator('#detail .sweep-throughput canvas').count()).toBe(1);
    expect(await page.locator('#detail .sweep-speedup canvas').count()).toBe(1);
    const ns = await page.$$eval('#detail table.levels tbody tr', (rows) => rows.map((r) => Number(r.firstChild?.textContent)));
    expect(ns).toEqual(SWEEP_LEVELS);
    expect(await page.locator('#detail table.speedups tbody tr').count()).toBe(5);
    await page.click('#detail .back');
    await page.waitForSelector('#browse:not([hidden])');
    expect(errors).toEqual([]);
  });
});
