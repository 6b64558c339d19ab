/**
 * The dashboard at scale: 1,000 benchmarks × the default retention's full history (163 runs).
 * Prints the site's build time and sizes, then in headless Chromium (file://) the first paint
 * (the overview and first cards shown) and search keystroke → redraw; saves docs/dashboard.png.
 * `npm run bench:dashboard` (needs Debian's chromium; CHROMIUM_PATH overrides the path).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite, writeSite } from '../src/dashboard/index.js';
import { serializeHistory } from '../src/store/codec.js';
import { maxEntries } from '../src/store/retention.js';
import { hasChromium, launch, NO_CHROMIUM, openSite, pageAssets } from '../__tests__/helpers/browser.js';
import { makeHistory } from '../__tests__/helpers/dashboard-history.js';

const BENCHMARKS = 1000;
const runs = maxEntries();
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const main = makeHistory({ benchmarks: BENCHMARKS, runs });
const history = serializeHistory(main).length;
const assets = await pageAssets();
const builds: number[] = [];
let files = new Map<string, string>();
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  files = await buildSite(
    {
      histories: [main],
      defaultBranch: 'main',
      generated: new Date().toISOString(),
      repository: { serverUrl: 'https://github.com', name: 'owner/repo' },
    },
    assets,
  );
  builds.push(performance.now() - t);
}
// With a config: a budget on every benchmark (the worst case: each run's statistics rebuilt, a forecast per benchmark).
const checked: number[] = [];
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  await buildSite(
    {
      histories: [main],
      defaultBranch: 'main',
      generated: new Date().toISOString(),
      checks: { thresholds: [{ target: '<= 90us', alert: '> 200us' }] },
    },
    assets,
  );
  checked.push(performance.now() - t);
}
const sizes = [...files].map(([p, t]) => [p, Buffer.byteLength(t)] as const);
const data = sizes.filter(([p]) => p.startsWith('data/')).reduce((a, [, n]) => a + n, 0);
const shards = sizes.filter(([p]) => p.startsWith('data/b/')).map(([, n]) => n);
console.log(`dashboard speed, ${BENCHMARKS} benchmarks × ${runs} runs, Node ${process.version}`);
console.log(`site build (data + files in memory): ${Math.round(Math.min(...builds))} ms best of 3 (${builds.map(Math.round).join(', ')})`);
console.log(
  `site build with a threshold budget on every benchmark: ${Math.round(Math.min(...checked))} ms best of 3 (${checked.map(Math.round).join(', ')})`,
);
console.log(
  `manifest: ${kib(files.get('data/manifest.js')!.length)}; run list: ${kib(files.get('data/runs.js')!.length)}; page: app.js ${kib(files.get('app.js')!.length)}, app.css ${kib(files.get('app.css')!.length)}`,
);
console.log(
  `shards: ${shards.length}, median ${kib(median(shards))}, largest ${kib(Math.max(...shards))}; all data ${kib(data)} vs the history file ${kib(history)} (${(data / history).toFixed(2)}×)`,
);

if (!hasChromium) {
  console.log(NO_CHROMIUM);
} else {
  const site = mkdtempSync(join(tmpdir(), 'dash-speed-'));
  await writeSite(site, files);
  const browser = await launch();
  try {
    const paints: number[] = [];
    const searches: number[] = [];
    for (let i = 0; i < 3; i++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
      const t = Date.now();
      await openSite(page, site);
      await page.waitForSelector('.card canvas');
      paints.push(Date.now() - t);
      // Keystroke → redraw, measured inside the page: the input event to the next frame after the list is rebuilt.
      for (const q of ['op-01', 'op-012', 'suite-3/*7', '']) {
        searches.push(
          await page.evaluate(
            (text) =>
              new Promise<number>((resolve) => {
                const g = globalThis as unknown as {
                  document: { getElementById(id: string): { value: string; dispatchEvent(e: unknown): void } };
                  Event: new (t: string) => unknown;
                  requestAnimationFrame(f: () => void): void;
                  performance: { now(): number };
                };
                const input = g.document.getElementById('q');
                const t0 = g.performance.now();
                input.value = text;
                input.dispatchEvent(new g.Event('input'));
                g.requestAnimationFrame(() => resolve(g.performance.now() - t0));
              }),
            q,
          ),
        );
      }
      if (i === 0) {
        await page.fill('#q', '');
        await page.waitForTimeout(1500);
        await page.screenshot({ path: 'docs/dashboard.png' });
      }
      await page.close();
    }
    console.log(
      `first paint (navigation to overview + first chart drawn, file://): median ${median(paints)} ms of 3 (${paints.join(', ')})`,
    );
    console.log(
      `search keystroke → redraw (list rebuilt, next frame): median ${median(searches).toFixed(1)} ms, max ${Math.max(...searches).toFixed(1)} ms of ${searches.length}`,
    );
    console.log('screenshot: docs/dashboard.png');
  } finally {
    await browser.close();
  }
}
