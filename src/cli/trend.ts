import { resolve } from 'node:path';
import { importFile } from '../importers/index.js';
import { createStore } from '../store/index.js';
import { renderTrendMarkdown, renderTrendText } from '../report/index.js';
import { analyzeTrends, trendOptionsOf, type TrendOptions } from '../trend/index.js';
import { parseAge } from '../trend/period.js';
import type { RunFile } from '../model/index.js';
import { optionalConfig } from './compare.js';
import { parse, UsageError, write, type CliIO } from './io.js';

export const trendHelp = `Usage: track-performance trend [--dir DIR | --baseline FILE...] [options]

Reads the history of a branch and prints, per benchmark and metric, its change points (E-Divisive
means with a t-test, as Apache Otava does it), drift (Theil–Sen slope, Mann–Kendall test), runs
far off their neighbours (left out), and for thresholds with a budget in the config, when the
drift will cross it. Always exits 0 unless the input is bad.

Options:
  --dir DIR          a directory store (default: .track-performance/baseline)
  --baseline FILE    run files instead of a store (repeat; ordered by their timestamps)
  --branch NAME      the branch whose history is read (default: main)
  --since AGE|DATE   only runs from the last AGE (e.g. 30d, 12h, 8w) or since an ISO date
  --config FILE      its thresholds are forecast, its trend key sets the defaults
                     (default: performance-tracker.json if present)
  --p-value P        change-point significance (default 1e-5)
  --window N         runs per sliding window (default 50)
  --min-effect X     ignore change points smaller than this relative change (e.g. 0.03)
  --no-runner-level  read every series as it is (default: with 5+ timed benchmarks, take out what
                     moves them all together in a run — the runner — and report it as its own series)
  --json | --markdown  print the JSON report or markdown instead of the text table
  -h, --help         this help`;

/** The earliest timestamp `--since` keeps (ms), from an age before `now` or an ISO date. */
export function sinceTime(text: string, now: number): number {
  const age = parseAge(text);
  if (age !== undefined) return now - age;
  const t = Date.parse(text);
  if (Number.isNaN(t)) throw new UsageError(`--since must be an age such as 30d, 12h or 8w, or an ISO date; found '${text}'.`);
  return t;
}

function numberOption(name: string, text: string | undefined, ok: (x: number) => boolean, expected: string): number | undefined {
  if (text === undefined) return undefined;
  const x = Number(text);
  if (!ok(x)) throw new UsageError(`--${name} must be ${expected}; found '${text}'.`);
  return x;
}

/** The history the flags name, oldest first: run files (`--baseline`) or a directory store's branch. */
export async function historyRuns(
  values: { dir?: string; baseline?: string[]; branch: string },
  cwd: string,
  io: CliIO,
): Promise<RunFile[]> {
  if (values.baseline?.length) {
    const runs = await Promise.all(values.baseline.map(async (f) => (await importFile(resolve(cwd, f))).run));
    return runs.sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp));
  }
  const store = createStore({ kind: 'directory', dir: resolve(cwd, values.dir ?? '.track-performance/baseline') });
  const runs = (await store.load(values.branch)) ?? [];
  if (!runs.length) write(io.stderr, `No history stored for ${values.branch} in ${store.describe()}.`);
  return runs;
}

export async function trendCommand(argv: string[], io: CliIO): Promise<number> {
  const { values } = parse(argv, {
    dir: { type: 'string' },
    baseline: { type: 'string', multiple: true },
    branch: { type: 'string', default: 'main' },
    since: { type: 'string' },
    config: { type: 'string' },
    'p-value': { type: 'string' },
    window: { type: 'string' },
    'min-effect': { type: 'string' },
    'no-runner-level': { type: 'boolean' },
    json: { type: 'boolean' },
    markdown: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return (write(io.stdout, trendHelp), 0);
  if (values.dir && values.baseline?.length) throw new UsageError('give either --dir or --baseline, not both.');
  const cwd = io.cwd ?? process.cwd();
  const config = await optionalConfig(values.config, cwd);
  // The config's trend key, then the flags.
  const options: TrendOptions = trendOptionsOf(config?.trend);
  if (values['no-runner-level']) options.runnerLevel = false;
  const p = numberOption('p-value', values['p-value'], (x) => x > 0 && x < 1, 'a number between 0 and 1');
  const w = numberOption('window', values.window, (x) => Number.isInteger(x) && x >= 4, 'a whole number ≥ 4');
  const e = numberOption('min-effect', values['min-effect'], (x) => x >= 0, 'a relative change ≥ 0 (e.g. 0.03)');
  if (p !== undefined) options.pValue = p;
  if (w !== undefined) options.window = w;
  if (e !== undefined) options.minEffect = e;
  const since = values.since === undefined ? undefined : sinceTime(values.since, Date.now());
  let runs = await historyRuns(values, cwd, io);
  if (since !== undefined) runs = runs.filter((r) => Date.parse(r.timestamp) >= since);
  const report = analyzeTrends({ runs, branch: values.branch, options, thresholds: config?.thresholds ?? [] });
  if (values.json) write(io.stdout, JSON.stringify(report, null, 2));
  else if (values.markdown) write(io.stdout, renderTrendMarkdown(report));
  else write(io.stdout, renderTrendText(report));
  return 0;
}
