/**
 * The shard merge: the run files of one workflow run's shard jobs back into the one run an
 * unsharded job would have made. Pure. Every check comes before anything is merged, so bad input
 * is an error naming the file and nothing downstream (comment, baseline) ever sees half a run.
 */
import { machineDifferences } from '../../compare/machine.js';
import { InputError } from '../../model/errors.js';
import { fileError, ordered, orderedSweeps, ref, type Shard } from './order.js';
import { mergePairs } from './merge-pairs.js';
import {
  RUN_SCHEMA_VERSION,
  shardName,
  shardOf,
  type AbPairs,
  type BenchmarkResult,
  type RunError,
  type RunFile,
  type ScalingRecord,
  type ShardRecord,
  type ShardRef,
} from '../../model/index.js';

export interface ShardFile {
  file: string;
  run: RunFile;
}

export interface MergeOptions {
  /** The commit every shard must have measured (the merge job's GITHUB_SHA); default: the first file's. */
  commit?: string;
  /** The workflow run every shard must come from (the merge job's GITHUB_RUN_ID); default: the first file's. */
  runId?: string;
  /** Merge what is there and mark the missing shards' suites as not measured, instead of failing. */
  allowPartial?: boolean;
}

export interface MergeResult {
  run: RunFile;
  /** For the log and the report: shards on different machines, shards left out. */
  warnings: string[];
  /** Shards absent (only with allowPartial). */
  missing: ShardRef[];
}

const short = (sha: string | undefined): string => (sha ? sha.slice(0, 12) : '(none)');

/** Checks that the files are every shard of one attempt of one run at one commit, once each, and merges them. */
export function mergeShards(files: readonly ShardFile[], options: MergeOptions = {}): MergeResult {
  if (files.length === 0) throw new InputError('No shard run files to merge.');
  const shards = files.map(asShard);
  const first = shards[0]!;
  const count = first.record.count;
  const commit = options.commit ?? first.run.commit;
  const runId = options.runId ?? first.record.runId;
  const attempt = Math.max(...shards.map((s) => s.record.attempt ?? 1));
  for (const s of shards) {
    const r = s.record;
    if (r.count !== count)
      throw fileError(
        s.file,
        `a shard of ${r.count}, but ${first.file} is a shard of ${count}: all shards of a merge split the suites the same way.`,
      );
    if (s.run.commit !== commit)
      throw fileError(
        s.file,
        `measured commit ${short(s.run.commit)}, but this merge is of commit ${short(commit)}: a shard run file from another commit.`,
      );
    if (r.runId !== runId)
      throw fileError(s.file, `comes from workflow run ${r.runId ?? '(none)'}, but this merge is of run ${runId ?? '(none)'}.`);
    if ((r.attempt ?? 1) !== attempt)
      throw fileError(
        s.file,
        `${shardName(ref(s), count)} was measured in attempt ${r.attempt ?? 1}, but attempt ${attempt} is the newest: a stale shard. Re-run all jobs (not only the failed ones) so every shard comes from one attempt.`,
      );
  }
  const groups = new Map<string, Shard[]>();
  for (const s of shards) groups.set(s.record.variant ?? '', [...(groups.get(s.record.variant ?? '') ?? []), s]);
  const warnings: string[] = [];
  const missing: ShardRef[] = [];
  const benchmarks: BenchmarkResult[] = [];
  const scaling: ScalingRecord[] = [];
  const errors: RunError[] = [];
  const merged: Shard[] = [];
  const presentGroups: Shard[][] = [];
  const unmeasured: RunError[] = [];
  for (const variant of [...groups.keys()].sort()) {
    const group = byIndex(groups.get(variant)!, count);
    const absent = [...Array(count).keys()].map((i) => i + 1).filter((i) => !group.has(i));
    const present = [...group.values()];
    if (absent.length && !options.allowPartial) throw missingError(absent, variant, count, present);
    checkSamePlan(present);
    missing.push(...absent.map((index) => ({ index, ...(variant && { variant }) })));
    warnings.push(...machineWarnings(present, count));
    benchmarks.push(...ordered(present));
    scaling.push(...orderedSweeps(present));
    unmeasured.push(...notMeasured(present[0]!.record, absent, count));
    errors.push(...present.flatMap((s) => s.run.errors ?? []));
    merged.push(...present);
    presentGroups.push(present);
  }
  errors.push(...unmeasured);
  const ab = mergePairs(presentGroups, count, unmeasured);
  if (ab?.notes) warnings.push(...ab.notes);
  if (missing.length)
    warnings.push(
      `Merged without ${missing.map((m) => shardName(m, count)).join(', ')} (allow-partial): their suites are marked not measured, and this run is not recorded as a baseline.`,
    );
  return { run: mergedRun(merged, { benchmarks, scaling, errors, count, runId, attempt, missing, ab }), warnings, missing };
}

function asShard(f: ShardFile): Shard {
  if (!f.run.shard)
    throw fileError(f.file, "not a shard's run file ($.shard is absent): merge takes the run files of jobs run with shard: i/n.");
  return { ...f, record: f.run.shard };
}

/** The shards of one variant by index; two files claiming one index is an error naming both. */
function byIndex(group: Shard[], count: number): Map<number, Shard> {
  const out = new Map<number, Shard>();
  for (const s of group) {
    const other = out.get(s.record.index);
    if (other)
      throw fileError(
        s.file,
        `claims ${shardName(ref(s), count)}, as ${other.file} does: each shard must be merged once (a duplicate upload, or two jobs given one shard index?).`,
      );
    out.set(s.record.index, s);
  }
  return out;
}

function missingError(absent: number[], variant: string, count: number, present: Shard[]): InputError {
  const found = present.length ? present.map((s) => `${s.record.index} (${s.file})`).join(', ') : 'none';
  const names = absent.map((index) => shardName({ index, ...(variant && { variant }) }, count)).join(', ');
  return new InputError(
    `${names[0]!.toUpperCase()}${names.slice(1)} ${absent.length === 1 ? 'is' : 'are'} missing (found shard ${found}): every shard must be merged once. ` +
      'Check that each shard job uploaded its run file, or set allow-partial to merge what is there.',
  );
}

/** Shards that planned different suites ran different configs: their union is no one run. */
function checkSamePlan(group: Shard[]): void {
  const weighed = group.find((s) => JSON.stringify(s.record.balanced) !== JSON.stringify(group[0]!.record.balanced));
  if (weighed)
    throw fileError(
      weighed.file,
      `was planned ${weighed.record.balanced ? `by the costs of the run ${weighed.record.balanced.from}` : 'by hash'}, but ${group[0]!.file} ${group[0]!.record.balanced ? `by the costs of the run ${group[0]!.record.balanced.from}` : 'by hash'}: the shards measured different shares (a baseline recorded while they started?). Re-run all jobs.`,
    );
  const planOf = (r: ShardRecord): string => JSON.stringify([...r.suites, ...(r.sweeps ?? []).map((n) => `sweep ${n}`)]);
  const plan = planOf(group[0]!.record);
  const odd = group.find((s) => planOf(s.record) !== plan);
  if (odd)
    throw fileError(
      odd.file,
      `planned the suites ${planOf(odd.record)}, but ${group[0]!.file} planned ${plan}: the shards ran different configs.`,
    );
}

function machineWarnings(group: Shard[], count: number): string[] {
  const base = group[0]!;
  return group.slice(1).flatMap((s) => {
    const d = machineDifferences(base.run.machine, s.run.machine).differ;
    return d.length
      ? [
          `${shardName(ref(s), count)} ran on another machine than ${shardName(ref(base), count)} (${d.join('; ')}): its timings are compared as if measured alike.`,
        ]
      : [];
  });
}

/** One error per suite a missing shard held (a split suite: its share), so those benchmarks read as not measured, not deleted. */
function notMeasured(plan: ShardRecord, absent: number[], count: number): RunError[] {
  return absent.flatMap((index) => {
    const name = shardName({ index, ...(plan.variant && { variant: plan.variant }) }, count);
    const owner = (key: string): number => plan.balanced?.owners[key] ?? shardOf(key, count);
    return plan.suites
      .filter((suite) =>
        plan.split?.[suite] ? plan.split[suite].some((id) => owner(unlabelled(id, plan.variant)) === index) : owner(suite) === index,
      )
      .concat((plan.sweeps ?? []).filter((sweep) => owner(sweep) === index))
      .map((suite) => ({ suite, message: `Not measured: ${name} was not merged (allow-partial).` }));
  });
}

/** A split id as the plan hashed it, before the variant label was added. */
function unlabelled(id: string, variant: string | undefined): string {
  return variant && id.endsWith(` [${variant}]`) ? id.slice(0, -` [${variant}]`.length) : id;
}

function mergedRun(
  shards: Shard[],
  m: {
    benchmarks: BenchmarkResult[];
    scaling: ScalingRecord[];
    errors: RunError[];
    count: number;
    runId?: string;
    attempt: number;
    missing: ShardRef[];
    ab: AbPairs | undefined;
  },
): RunFile {
  const first = shards[0]!;
  const errors = [...new Map(m.errors.map((e) => [JSON.stringify([e.suite, e.task, e.message]), e])).values()];
  const variants = [...new Set(shards.map((s) => s.record.variant).filter((v): v is string => v !== undefined))];
  return {
    schemaVersion: RUN_SCHEMA_VERSION,
    tool: 'track-performance',
    ...(first.run.commit && { commit: first.run.commit }),
    ...(first.run.ref && { ref: first.run.ref }),
    timestamp: shards.map((s) => s.run.timestamp).sort()[0]!,
    ...(first.run.machine && { machine: first.run.machine }),
    ...(variants.length === 1 && { variant: variants[0] }),
    benchmarks: m.benchmarks,
    ...(errors.length && { errors }),
    ...(m.scaling.length && { scaling: m.scaling }),
    shards: {
      count: m.count,
      merged: shards.map(ref),
      missing: m.missing,
      ...(m.runId && { runId: m.runId }),
      attempt: m.attempt,
      ...(variants.length && { variants }),
      ...(m.ab && { ab: m.ab }),
    },
  };
}
