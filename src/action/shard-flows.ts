/** The matrix modes: a shard job measures its share; the merge job puts the shards back together. */
import { join, resolve } from 'node:path';
import { compareRuns } from '../compare/index.js';
import { gate } from '../compare/gate.js';
import { mergeShards } from '../flows/merge/merge-shards.js';
import { readShardFiles } from '../flows/merge/read-shards.js';
import { pickMode } from '../flows/mode.js';
import { writeJson } from '../flows/report-files.js';
import { judgeAb, measure, measureAbShard, type AbRequest, type TrackOutcome, type TrackRequest } from '../flows/track.js';
import { abNote } from '../flows/ab/run-ab.js';
import { ConfigError } from '../model/errors.js';
import { shardFileName, shardName, weightsOf, type RunFile } from '../model/index.js';
import type { Logger } from '../model/logger.js';
import { openBaseline } from '../flows/baseline-source.js';
import type { ActionOutcome, ActionRun } from './run-action.js';

/**
 * mode shard: measure this job's share and write its run file (`shard-i-of-n.json`, the `run-file`
 * output) for the merge job. It reads no baseline, posts no comment and records nothing, and a
 * suite error does not fail it: the merge job judges every shard together.
 */
export async function shardFlow({ inputs, env, log }: ActionRun, req: TrackRequest, ab?: AbRequest): Promise<ActionOutcome> {
  const spec = req.shard!.spec;
  // mode ab with a shard: base and head of this share, paired in this job (the pairs ride in the run file).
  const run = ab ? await measureAbShard(req, ab) : await measure(await withWeights(req, inputs.shardBalance, log));
  const runFile = join(env.outputDir, shardFileName(spec, inputs.variant));
  await writeJson(runFile, run);
  // What this shard measured, with no baseline and no targets (they may span shards): for the job summary only.
  const report = compareRuns({ baseline: [], current: [run] });
  const reportPath = join(env.outputDir, 'report.json');
  await writeJson(reportPath, report);
  const name = shardName({ index: spec.index, ...(inputs.variant && { variant: inputs.variant }) }, spec.count);
  const notes = [
    `${name[0]!.toUpperCase()}${name.slice(1)}: measured ${run.benchmarks.length} benchmark(s)${ab ? ` in ${run.shard!.ab!.head.length} A/B round(s) against the base ${run.shard!.ab!.baseCommit.slice(0, 7)}` : ''}${run.errors?.length ? ` (${run.errors.length} suite error(s))` : ''}; the merge job (mode: merge) compares all shards and gives the verdict.`,
  ];
  log.info(`${notes[0]} Run file written to ${runFile}.`);
  return { mode: 'shard', report, notes, reportPath, runFile, failed: false, gate: gate(report, 'never') };
}

export interface Merged {
  run: RunFile;
  /** The flow the event calls for, which the merged run goes through. */
  flow: 'pr' | 'baseline' | 'ab';
  /** Some shards were absent (allow-partial): never recorded. */
  partial: boolean;
  notes: string[];
  /** A/B shards: the paired report of every shard's pairs (flow `ab`: compared, commented, never recorded). */
  ab?: TrackOutcome;
}

/**
 * mode merge: the shard run files of this workflow run (same commit, same attempt, every index
 * once), merged into one run before anything is read or written; bad input stops here.
 */
export async function mergeFlow({ inputs, facts, env, log }: ActionRun, req: TrackRequest): Promise<Merged> {
  const flow = pickMode('auto', facts);
  if (flow !== 'pr' && flow !== 'baseline')
    throw new ConfigError(
      `Input 'mode' is 'merge', which runs on the pull_request or push event of the shard jobs' own workflow, not on ${facts.eventName}.`,
      undefined,
      'mode',
    );
  const files = await readShardFiles(
    inputs.shards.map((p) => resolve(env.workspace, p)),
    "Input 'shards'",
  );
  const merged = mergeShards(files, { commit: req.git.commit, runId: facts.runId, allowPartial: inputs.allowPartial });
  for (const w of merged.warnings) log.warning(w);
  const shards = merged.run.shards!;
  log.info(`Merged ${files.length} shard run file(s) of ${shards.count} shard(s): ${merged.run.benchmarks.length} benchmark(s).`);
  const pairs = shards.ab;
  if (!pairs) return { run: merged.run, flow, partial: merged.missing.length > 0, notes: merged.warnings };
  log.info(`The shards are A/B shards: judging their ${pairs.head.length} round(s) of pairs by the paired design.`);
  const where = `in each of the ${shards.merged.length} shard jobs`;
  // The run file written is the merged one (with every shard's pairs), so the report can be redone from it.
  const ab = { ...judgeAb(req.config, pairs, abNote(req.config, pairs.base.length, pairs.baseCommit, where)), run: merged.run };
  return { run: merged.run, flow: 'ab', partial: merged.missing.length > 0, notes: merged.warnings, ab };
}

/**
 * shard-balance history: the plan weighted by the measuring times of the base branch's newest
 * stored run (every shard job of the run reads the same one; the merge checks that they did).
 * No baseline yet: planned by hash.
 */
async function withWeights(req: TrackRequest, balance: 'hash' | 'history', log: Logger): Promise<TrackRequest> {
  if (balance === 'hash') return req;
  const loaded = await (await openBaseline(req.baseline, (m) => log.warning(m))).load(req.git.baseBranch);
  const weights = loaded && weightsOf(loaded.runs, req.variant);
  if (!weights) {
    log.info(`shard-balance history: no baseline stored for ${req.git.baseBranch} yet, so the plan is by hash.`);
    return req;
  }
  return { ...req, shard: { ...req.shard!, weights } };
}
