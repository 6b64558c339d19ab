import { resolve } from 'node:path';
import { DEFAULT_MARKER_ID, renderConsole, renderMarkdown } from '../report/index.js';
import { DEFAULT_CONFIG_FILE, loadConfig } from '../config/index.js';
import { streamLogger } from '../model/logger.js';
import { writeOutputs } from '../flows/report-files.js';
import { compareAb, type AbTrackRequest } from '../flows/track.js';
import { abShard } from './ab-shard.js';
import { gate } from '../compare/gate.js';
import { parse, UsageError, write, type CliIO } from './io.js';
import { failOnHelp, failOnOf, failOnOption } from './fail-on.js';

export const abHelp = `Usage: track-performance ab --base REF [options]

Measures the base commit and the working tree in this one job, round after round, and judges
each benchmark on the paired differences — the design that cancels runner noise. A tinybench
suite runs both copies in one process, task by task, alternating every pass (abSameProcess:
false gives each its own); a command suite alternates the two trees' invocations of each
command; import suites alternate base-head / head-base by round. The base is checked out in a
temporary git worktree (always removed afterwards).

Options:
  --base REF          the commit or ref to compare with (e.g. origin/main)
  --rounds N          pairs of runs (default 5)
  --setup CMD         shell command run in each tree first (e.g. "npm ci && npm run build")
  --time-budget S     stop starting rounds after S seconds (default: no budget)
  --config FILE       the config (default: performance-tracker.json)
  --out DIR           where report.json and run.json go (default: .track-performance)
  --json | --markdown print the JSON or markdown report instead of the table
  --shard I/N         measure only shard I of N of the suites and write its pairs to
                      DIR/shard-I-of-N.json for merge (docs/shards.md); no report, exit 0
  --variant LABEL     with --shard: add " [LABEL]" to every benchmark id
${failOnHelp}
  -h, --help          this help

Exit status: 0 when nothing failed, 1 on a regression, a crossed alert or an errored suite (see
docs/verdicts.md), 2 on bad usage or bad input.`;

export async function abCommand(argv: string[], io: CliIO): Promise<number> {
  const { values } = parse(argv, {
    base: { type: 'string' },
    rounds: { type: 'string', default: '5' },
    setup: { type: 'string' },
    'time-budget': { type: 'string', default: '0' },
    config: { type: 'string', default: DEFAULT_CONFIG_FILE },
    out: { type: 'string', default: '.track-performance' },
    json: { type: 'boolean' },
    markdown: { type: 'boolean' },
    ...failOnOption,
    shard: { type: 'string' },
    variant: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return (write(io.stdout, abHelp), 0);
  const failOn = failOnOf(values);
  if (!values.base) throw new UsageError('ab needs --base REF.');
  const rounds = Number(values.rounds);
  const budget = Number(values['time-budget']);
  if (!Number.isInteger(rounds) || rounds < 1) throw new UsageError(`--rounds must be a whole number ≥ 1; found '${values.rounds}'.`);
  if (!(budget >= 0)) throw new UsageError(`--time-budget must be a number of seconds ≥ 0; found '${values['time-budget']}'.`);
  const cwd = io.cwd ?? process.cwd();
  const config = await loadConfig(resolve(cwd, values.config));
  const req: AbTrackRequest = { config, workspace: cwd, log: streamLogger(io.stderr), git: {} };
  const ab = { baseRef: values.base, setup: values.setup, rounds, timeBudget: budget };
  if (values.shard !== undefined) return abShard(req, ab, { ...values, shard: values.shard }, io);
  const outcome = await compareAb(req, ab);
  await writeOutputs(resolve(cwd, values.out), outcome.report, outcome.run);
  if (values.json) write(io.stdout, JSON.stringify(outcome.report, null, 2));
  else if (values.markdown)
    write(io.stdout, renderMarkdown(outcome.report, { markerId: DEFAULT_MARKER_ID, notes: outcome.notes, audience: 'summary' }));
  else write(io.stdout, [...outcome.notes, '', renderConsole(outcome.report)].join('\n'));
  return gate(outcome.report, failOn).exitCode;
}
