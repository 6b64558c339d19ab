import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CACHE_KEEP, createStore, type Store, type Warn } from '../store/index.js';
import type { RunFile } from '../model/index.js';
import { readBaselineFile } from './baseline-file.js';
import { buildSite, type DashboardInput } from '../dashboard/index.js';
import type { Config } from '../config/index.js';
import { trendOptionsOf } from '../trend/options.js';

/** Where baselines are read from and recorded to, as the `baseline` input names it. */
export interface BaselineSpec {
  /** `cache`, `gh-pages`, or paths (comma or newline separated): a directory store, or run files and history files. */
  source: string;
  workspace: string;
  /** Baseline runs loaded for the comparison (the `history` input, `--history`); the engine may use fewer (`compare.history`). */
  runsToLoad: number;
  token?: string;
  ghPagesBranch?: string;
  dataDir?: string;
  /** gh-pages: publish the dashboard in this folder of the branch with each save. */
  dashboard?: { dir: string; defaultBranch: string; repository?: { serverUrl: string; name: string } } & Pick<
    DashboardInput,
    'checks' | 'trend'
  >;
}

export interface LoadedBaseline {
  runs: RunFile[];
  from: string;
}

/** The store behind a spec, or undefined when the spec names run files (read-only). */
async function storeFor(spec: BaselineSpec, warn?: Warn): Promise<Store | undefined> {
  if (spec.source === 'cache')
    return createStore({ kind: 'cache', keep: Math.max(CACHE_KEEP, spec.runsToLoad), token: spec.token, ...(warn && { warn }) });
  if (spec.source === 'gh-pages')
    return createStore({
      kind: 'gh-pages',
      repoDir: spec.workspace,
      branch: spec.ghPagesBranch,
      dataDir: spec.dataDir,
      token: spec.token,
      warn,
      ...(spec.dashboard && { site: dashboardSite(spec.dashboard) }),
    });
  const paths = splitPaths(spec.source, spec.workspace);
  // One path that is not an existing file is a directory store (created on the first save).
  if (paths.length === 1 && !(await isFile(paths[0]!))) return createStore({ kind: 'directory', dir: paths[0]!, warn });
  return undefined;
}

/** A baseline source opened once: its store (absent for read-only run files) and a loader. */
export interface BaselineSource {
  store?: Store;
  /** Baseline runs for `branch`, oldest first; undefined when nothing is stored yet. */
  load(branch: string): Promise<LoadedBaseline | undefined>;
}

/** Opens the source `spec` names; `warn` (default stderr, or core.warning for the cache) gets the stores' warnings. */
export async function openBaseline(spec: BaselineSpec, warn?: Warn): Promise<BaselineSource> {
  const store = await storeFor(spec, warn);
  if (store)
    return {
      store,
      load: async (branch) => {
        const runs = await store.load(branch, spec.runsToLoad);
        return runs?.length ? { runs, from: store.describe() } : undefined;
      },
    };
  return {
    load: async () => {
      const paths = splitPaths(spec.source, spec.workspace);
      const runs: RunFile[] = [];
      // A history file yields its newest `runsToLoad` runs, as a store would.
      for (const p of paths) runs.push(...(await readBaselineFile(p, spec.runsToLoad)));
      return { runs, from: paths.length === 1 ? paths[0]! : `${paths.length} files` };
    },
  };
}

function splitPaths(source: string, workspace: string): string[] {
  return source
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((p) => resolve(workspace, p));
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The dashboard as the gh-pages store's site: rebuilt from every branch's history at each save. */
function dashboardSite(d: NonNullable<BaselineSpec['dashboard']>) {
  return {
    dir: d.dir,
    build: (histories: Parameters<typeof buildSite>[0]['histories']) =>
      buildSite({
        histories: [...histories],
        defaultBranch: d.defaultBranch,
        generated: new Date().toISOString(),
        ...(d.repository && { repository: d.repository }),
        ...(d.checks && { checks: d.checks }),
        ...(d.trend && { trend: d.trend }),
      }),
  };
}

/** What the dashboard takes from the config: its targets and thresholds, and the trend settings. */
export function dashboardSettings(config: Config): Pick<DashboardInput, 'checks' | 'trend'> {
  const t = config.trend ?? {};
  return {
    checks: { targets: config.targets ?? [], thresholds: config.thresholds ?? [] },
    trend: trendOptionsOf(t),
  };
}
