import { resolve } from 'node:path';
import { runSuites } from '../bench/index.js';
import { compareRuns, sweepExtra, withScalingFits } from '../compare/index.js';
import { DEFAULT_CONFIG_FILE, loadConfig } from '../config/index.js';
import { streamLogger } from '../model/logger.js';
import { progressLogger } from '../flows/progress.js';
import { writeJson } from '../flows/report-files.js';
import { engineOptions, stampRun } from '../flows/track.js';
import { parseShard, variantLabel, weightsOf } from '../model/index.js';
import { readBaselines } from './baseline-args.js';
import { findings, gate } from '../compare/gate.js';
import { plainText } from '../report/escape.js';
import { runTable } from './run-table.js';
import { parse, UsageError, write, type CliIO } from './io.js';
import { failOnOf, failOnOption } from './fail-on.js';

export const benchmarkHelp = `Usage: track-performance benchmark [options]

Runs the suites of the config, shows progress on stderr and a table of results on stdout, and
writes the run file.

Options:
  --config FILE   the config (default: performance-tracker.json)
  --out FILE      where to write the run file (default: .track-performance/run.json)
  --suite NAME    run only this suite (repeatable)
  --commit SHA    commit to record in the run file
  --fail-on LEVEL exit 1 on: regression (default: an errored suite, a crossed alert), warning
                  (also a missed target), never
  --shard I/N     run only shard I of N of the suites (see docs/shards.md); the run file records
                  it, with GITHUB_RUN_ID and GITHUB_RUN_ATTEMPT when set
  --balance-from FILE
                  with --shard: balance the shards by the measuring times of this run (a run
                  file or a history file: its newest run) instead of by hash alone; every
                  shard must be given the same file
  --variant LABEL add " [LABEL]" to every benchmark id (a matrix axis as a series of its own)
  -h, --help      this help

Exit status: 0 when nothing failed, 1 when a suite errored or an alert was crossed (the same
gate as compare, with no baseline), 2 on bad usage or bad input.`;

export async function benchmarkCommand(argv: string[], io: CliIO): Promise<number> {
  const { values } = parse(argv, {
    config: { type: 'string', default: DEFAULT_CONFIG_FILE },
    out: { type: 'string', default: '.track-performance/run.json' },
    suite: { type: 'string', multiple: true },
    commit: { type: 'string' },
    ...failOnOption,
    shard: { type: 'string' },
    variant: { type: 'string' },
    'balance-from': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return (write(io.stdout, benchmarkHelp), 0);
  const failOn = failOnOf(values);
  const cwd = io.cwd ?? process.cwd();
  const config = await loadConfig(resolve(cwd, values.config));
  const shard = values.shard === undefined ? undefined : parseShard(values.shard, 'Option --shard');
  const variant = values.variant === undefined ? undefined : variantLabel(values.variant, 'Option --variant');
  if (values['balance-from'] && !shard) throw new UsageError('--balance-from plans shards: give --shard I/N too.');
  const weights = values['balance-from'] ? weightsOf(await readBaselines({ baseline: [values['balance-from']] }, cwd), variant) : undefined;
  const measured = await runSuites(config, {
    cwd,
    commit: values.commit,
    suites: values.suite,
    onProgress: progressLogger(streamLogger(io.stderr)),
    ...(shard && { shard }),
    ...(weights && { shardWeights: weights }),
    scalingExtra: sweepExtra,
  });
  const env = io.env ?? process.env;
  const attempt = Number(env.GITHUB_RUN_ATTEMPT);
  const run = stampRun(
    withScalingFits(measured, config.scaling),
    { runId: env.GITHUB_RUN_ID || undefined, attempt: Number.isInteger(attempt) && attempt > 0 ? attempt : undefined },
    variant,
  );
  const out = resolve(cwd, values.out);
  await writeJson(out, run);
  write(io.stdout, runTable(run));
  write(io.stderr, `Run file written to ${out}`);
  // No baseline here, so only the run's own findings count: errors, targets and thresholds (a shard's targets may span shards: the merge checks them).
  const report = compareRuns({ baseline: [], current: [run], ...(shard ? {} : engineOptions(config)) });
  const verdict = gate(report, failOn);
  for (const t of report.targets.filter((x) => x.status === 'failure' || x.status === 'warning'))
    write(
      io.stderr,
      `${t.status === 'failure' ? 'alert' : 'target missed'}: ${plainText(t.name, 120)} (expected ${plainText(t.expected, 60)}): ${plainText(t.message, 400)}`,
    );
  if (findings(report).length > 0) write(io.stderr, `Verdict: ${verdict.verdict} (${verdict.reason}).`);
  return verdict.exitCode;
}
