/**
 * The dashboard as files: the page's static assets (built by scripts/build-dashboard.mjs into
 * dist/dashboard/, beside the action and the CLI) and the data scripts derived from the
 * histories. The histories stay the source of truth: the site is rebuilt whole from them.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StoreError } from '../model/errors.js';
import { buildDashboardData, type DashboardInput } from '../report/dashboard-data.js';
import { DATA_FILES } from '../report/dashboard-types.js';

/** Site path (`index.html`, `data/b/….js`) → its text. */
export type SiteFiles = Map<string, string>;

export const ASSETS = ['index.html', 'app.js', 'app.css'] as const;

/**
 * Where the page's assets are: `dashboard/` beside the bundle (dist/index.js, dist/cli.js), or
 * the checkout's dist/dashboard/ when running from source.
 */
export function defaultAssetsDir(here: string = import.meta.url): string {
  const file = fileURLToPath(here);
  // A path, not `new URL('./…', import.meta.url)`, which webpack would take for an asset to emit.
  if (file.endsWith('.ts')) return join(dirname(file), '..', '..', 'dist', 'dashboard');
  return join(dirname(file), 'dashboard');
}

/** A data file's text: a script handing its data to the page (a page opened from file:// cannot fetch JSON). */
export function dataScript(name: string, data: unknown): string {
  return `${DATA_FILES.callback}(${JSON.stringify(name)},${JSON.stringify(data)});\n`;
}

/** Every file of the site for these histories. */
export async function buildSite(input: DashboardInput, assetsDir: string = defaultAssetsDir()): Promise<SiteFiles> {
  const files: SiteFiles = new Map();
  for (const a of ASSETS) {
    const path = join(assetsDir, a);
    files.set(
      a,
      await readFile(path, 'utf8').catch(() => {
        throw new StoreError(`The dashboard page ${path} is missing: run 'npm run build' (it writes dist/dashboard/).`);
      }),
    );
  }
  const data = buildDashboardData(input);
  files.set(`data/${DATA_FILES.manifest}`, dataScript(DATA_FILES.manifest, data.manifest));
  files.set(`data/${DATA_FILES.runs}`, dataScript(DATA_FILES.runs, data.runs));
  for (const shards of [data.shards, data.sweeps]) for (const [path, shard] of shards) files.set(`data/${path}`, dataScript(path, shard));
  return files;
}

/**
 * Writes the site into `outDir`, replacing the data folder of an earlier build (so benchmarks
 * that are gone leave no shard) and nothing else there.
 */
export async function writeSite(outDir: string, files: SiteFiles): Promise<void> {
  const root = resolve(outDir);
  await rm(join(root, 'data'), { recursive: true, force: true });
  for (const [path, text] of files) {
    const file = resolve(root, path);
    if (!file.startsWith(root + sep)) throw new StoreError(`Dashboard file ${path} would leave ${root}.`);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, text);
  }
}
