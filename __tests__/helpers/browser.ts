/**
 * Headless Chromium for the dashboard's tests and bench (playwright-core drives the system's
 * browser: Debian's `chromium` package; playwright downloads nothing). Tests skip without it.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildDashboardPage } from '../../scripts/build-dashboard.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const NO_CHROMIUM = `skipping the dashboard's browser tests: install Chromium (apt-get install chromium) or set CHROMIUM_PATH`;

export function launch(): Promise<Browser> {
  // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
}

/** The page's assets built from the source into a fresh folder (what `npm run build` puts in dist/dashboard/). */
export async function pageAssets(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'dash-assets-'));
  await buildDashboardPage(dir);
  return dir;
}

/** Collects console errors and page errors of `page`. */
export function errorsOf(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** Opens the site's index.html (file://) with `hash`, waiting until the page has drawn its list. */
export async function openSite(page: Page, siteDir: string, hash = ''): Promise<void> {
  await page.goto(`file://${join(siteDir, 'index.html')}${hash}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
}
