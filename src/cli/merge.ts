import { resolve } from 'node:path';
import { mergeShards } from '../flows/merge/merge-shards.js';
import { readShardFiles } from '../flows/merge/read-shards.js';
import { writeJson } from '../flows/report-files.js';
import { parse, UsageError, write, type CliIO } from './io.js';
import { failOnHelp, failOnOf, failOnOption } from './fail-on.js';
import { optionalConfig } from './compare.js';
import { judgeAb } from '../flows/track.js';
import { abNote } from '../flows/ab/run-ab.js';
import { gate } from '../compare/gate.js';
import { DEFAULT_MARKER_ID, renderConsole, renderMarkdown } from '../report/index.js';

export const mergeHelp = `Usage: track-performance merge FILE|DIR... --out FILE [options]

Merges the run files of sharded jobs (benchmark --shard I/N, or the action's mode shard) into
one run file, as one unsharded job would have written it. Every shard of one commit, one
workflow run and one attempt must be there exactly once; a directory is searched for *.json.
Compare or record the merged file as any run file. Shards of "ab --shard" carry A/B pairs:
their merge is judged at once by the paired design, as one "ab" job would be (report printed,
exit status of the verdict).

Options:
  --out FILE        where to write the merged run file (required)
  --allow-partial   merge the shards that are there; the missing shards' suites are marked not measured
  --commit SHA      the commit every shard must have measured (default: the first file's)
  --run-id ID       the workflow run every shard must come from (default: the first file's)
  --config FILE     A/B shards: the config with minEffect, targets and thresholds
                    (default: performance-tracker.json if present)
  --json | --markdown  A/B shards: print the JSON or markdown report instead of the table
${failOnHelp}
  -h, --help        this help

Exit status: 0 when merged (A/B shards: when nothing failed, 1 when the verdict fails), 2 on bad usage or bad input (a missing, duplicated, stale or
corrupt shard, a shard of another commit): the error names the file or the shard index.`;

export async function mergeCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      out: { type: 'string' },
      'allow-partial': { type: 'boolean' },
      commit: { type: 'string' },
      'run-id': { type: 'string' },
      config: { type: 'string' },
      json: { type: 'boolean' },
      markdown: { type: 'boolean' },
      ...failOnOption,
      help: { type: 'boolean', short: 'h' },
    },
    true,
  );
  if (values.help) return (write(io.stdout, mergeHelp), 0);
  const failOn = failOnOf(values);
  if (!values.out) throw new UsageError('merge needs --out FILE, where the merged run file goes.');
  if (!positionals.length) throw new UsageError('merge needs the shard run files (or directories holding them).');
  const cwd = io.cwd ?? process.cwd();
  const files = await readShardFiles(
    positionals.map((p) => resolve(cwd, p)),
    'merge',
  );
  const merged = mergeShards(files, {
    ...(values.commit && { commit: values.commit }),
    ...(values['run-id'] && { runId: values['run-id'] }),
    allowPartial: values['allow-partial'] ?? false,
  });
  for (const w of merged.warnings) write(io.stderr, `warning: ${w}`);
  const out = resolve(cwd, values.out);
  await writeJson(out, merged.run);
  write(io.stderr, `Merged ${files.length} shard run file(s) into ${out}: ${merged.run.benchmarks.length} benchmark(s).`);
  const pairs = merged.run.shards?.ab;
  if (!pairs) return 0;
  // A/B shards need no baseline: their pairs are the comparison, judged as one ab job's would be.
  const config = await optionalConfig(values.config, cwd);
  const where = `in each of the ${merged.run.shards!.merged.length} shard jobs`;
  const { report, notes } = judgeAb(config, pairs, [...abNote(config, pairs.base.length, pairs.baseCommit, where), ...merged.warnings]);
  if (values.json) write(io.stdout, JSON.stringify(report, null, 2));
  else if (values.markdown) write(io.stdout, renderMarkdown(report, { markerId: DEFAULT_MARKER_ID, notes, audience: 'summary' }));
  else write(io.stdout, [...notes, '', renderConsole(report)].join('\n'));
  return gate(report, failOn).exitCode;
}
