import { DEFAULT_MARKER_ID, renderMarkdown } from '../report/index.js';
import { gate } from '../compare/gate.js';
import { baselineOptionsHelp } from './baseline-args.js';
import { parse, UsageError, write, type CliIO } from './io.js';
import { compareFiles, optionalConfig } from './compare.js';
import { historyRuns } from './trend.js';
import { reportOfRuns } from '../flows/period-report.js';
import { renderPeriodMarkdown, renderPeriodText } from '../report/period.js';
import { parseAge } from '../trend/period.js';
import { failOnHelp, failOnOf } from './fail-on.js';

export const reportHelp = `Usage: track-performance report --baseline FILE... --current FILE... [--paired] [--config FILE]
       track-performance report --baseline-dir DIR [--branch NAME] --current FILE... [options]
       track-performance report --since AGE [--dir DIR | --baseline FILE...] [--branch NAME] [--json | --markdown]

Prints the markdown report — what the PR comment shows — for the given runs.
With --since (an age such as 7d, 24h, 4w), prints instead the scheduled report of a branch's
history over that period — what the action's report mode writes: change points and drift, the
biggest movers, noisier benchmarks, budgets and forecasts, benchmarks that stopped reporting —
from a directory store (--dir, default .track-performance/baseline) or run files; exits 0.
Takes the same options as compare, and exits as compare does: 0 when nothing failed, 1 on a
regression, a crossed alert or an errored suite, 2 on bad usage or bad input.

Options:
${baselineOptionsHelp}
  --current FILE...   current runs (repeat the flag or list several files)
  --paired            treat baseline and current runs as interleaved pairs
  --config FILE       config with minEffect, targets and thresholds (default: performance-tracker.json if present)
${failOnHelp}
  -h, --help          this help`;

export async function reportCommand(argv: string[], io: CliIO): Promise<number> {
  if (argv.some((a) => a === '--since' || a.startsWith('--since='))) return periodCommand(argv, io);
  const done = await compareFiles(argv, io);
  if (!done) return (write(io.stdout, reportHelp), 0);
  write(io.stdout, renderMarkdown(done.report, { markerId: DEFAULT_MARKER_ID, audience: 'summary' }));
  return gate(done.report, failOnOf(done.values)).exitCode;
}

/** `report --since AGE`: the period report of a stored history. */
async function periodCommand(argv: string[], io: CliIO): Promise<number> {
  const { values } = parse(argv, {
    since: { type: 'string' },
    dir: { type: 'string' },
    baseline: { type: 'string', multiple: true },
    branch: { type: 'string', default: 'main' },
    config: { type: 'string' },
    json: { type: 'boolean' },
    markdown: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return (write(io.stdout, reportHelp), 0);
  if (values.dir && values.baseline?.length) throw new UsageError('give either --dir or --baseline, not both.');
  const name = values.since ?? '';
  const ms = parseAge(name);
  if (ms === undefined || ms <= 0) throw new UsageError(`--since must be an age such as 7d, 24h or 4w; found '${name}'.`);
  const cwd = io.cwd ?? process.cwd();
  const config = await optionalConfig(values.config, cwd);
  const runs = await historyRuns(values, cwd, io);
  const period = reportOfRuns(runs, values.branch, name, ms, Date.now(), config);
  if (values.json) write(io.stdout, JSON.stringify(period, null, 2));
  else if (values.markdown) write(io.stdout, renderPeriodMarkdown(period));
  else write(io.stdout, renderPeriodText(period));
  return 0;
}
