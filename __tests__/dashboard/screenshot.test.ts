/**
 * The dashboard's look, against committed reference screenshots (gross layout breaks: a lost
 * chart, a collapsed grid, overflowing text, wrong colours). A fixed dataset, viewport, time
 * zone, locale and font, light colours, animations off; up to 1% of the pixels may differ
 * (anti-aliasing). Update after a reviewed change: `npm run test:screenshots`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, writeSite } from '../../src/dashboard/index.js';
import { hasChromium, launch, NO_CHROMIUM, openSite, pageAssets } from '../helpers/browser.js';
import { makeHistory } from '../helpers/dashboard-history.js';
import { compareWithReference } from '../helpers/screenshot.js';

if (!hasChromium) console.warn(NO_CHROMIUM);

const REFERENCES = join(import.meta.dirname, 'screenshots');
const TOLERANCE = 0.01;
// One font on every machine (Debian's fonts-dejavu-core comes with chromium): system-ui differs.
const FIXED_FONT = "*{font-family:'DejaVu Sans',sans-serif !important}";

describe.skipIf(!hasChromium)('the dashboard against its reference screenshots', () => {
  let browser: Browser;
  let site: string;

  beforeAll(async () => {
    site = mkdtempSync(join(tmpdir(), 'dash-shot-site-'));
    const files = await buildSite(
      {
        histories: [
          makeHistory({ benchmarks: 12, runs: 40, suites: 3 }),
          makeHistory({ benchmarks: 4, runs: 6, branch: 'feature/x', seed: 5 }),
        ],
        defaultBranch: 'main',
        generated: '2026-02-10T00:00:00.000Z',
        repository: { serverUrl: 'https://github.com', name: 'o/r' },
        checks: { thresholds: [{ benchmark: 'suite-0/*', target: '<= 10us' }] },
      },
      await pageAssets(),
    );
    await writeSite(site, files);
    browser = await launch();
  });
  afterAll(async () => browser?.close());

  async function shot(hash: string, ready: string): Promise<Buffer> {
    const page: Page = await browser.newPage({
      viewport: { width: 1100, height: 900 },
      deviceScaleFactor: 1,
      colorScheme: 'light',
      reducedMotion: 'reduce',
      timezoneId: 'UTC',
      locale: 'en-US',
    });
    try {
      await openSite(page, site, hash);
      await page.addStyleTag({ content: FIXED_FONT });
      await page.waitForSelector(ready);
      // Every chart in view drawn, and the fonts settled, before the picture.
      await page.waitForFunction('document.fonts.status === "loaded"');
      await page.waitForTimeout(300);
      return await page.screenshot({ animations: 'disabled', caret: 'hide', fullPage: true });
    } finally {
      await page.close();
    }
  }

  it.each([
    ['list', '', '.card canvas'],
    ['detail', `#bench=${encodeURIComponent('suite-0/op-0000')}`, '#detail table.checks'],
  ])('the %s view looks like its reference', async (name, hash, ready) => {
    const got = compareWithReference(await shot(hash, ready), join(REFERENCES, `${name}.png`), TOLERANCE);
    expect(got.differing, got.written ? `actual and diff images in ${got.written}` : '').toBeLessThanOrEqual(TOLERANCE);
  });
});
