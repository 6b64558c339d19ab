import type { ScalingSuite, SuiteConfig } from '../config/types.js';
import { shardOf, type ShardRecord, type ShardSpec, type ShardWeights } from '../model/index.js';
import type { SuiteOutcome } from './types.js';

/** What one shard runs, and how it trims a split suite's results to its share. */
export interface ShardPlan {
  /** The suites this shard runs, in config order; a split command suite keeps only its share of the commands. */
  suites: SuiteConfig[];
  /** The scaling suites whose sweeps this shard measures (each sweep belongs to one shard, as a whole suite does). */
  sweeps: ScalingSuite[];
  /** A split import suite's outcome cut to this shard's share (other outcomes unchanged); records the suite's ids. */
  share(suite: SuiteConfig, outcome: SuiteOutcome): SuiteOutcome;
  /** The run file's `shard` record (without run id, attempt and variant, which the caller knows). */
  record: ShardRecord;
  /** Every shard's planned share: how many keys (suites, split benchmarks, sweeps) and the known cost of them. */
  shares: Array<{ index: number; keys: number; ms: number }>;
  /** Keys planned by hash, for want of a cost. */
  unweighed: number;
}

const isSplit = (s: SuiteConfig): boolean => !('tinybench' in s) && s.split === true;

/** The keys a plan places: whole suites by name, a split command suite's commands and a split import suite's known ids by id, sweeps by name. */
function planKeys(
  suites: readonly SuiteConfig[],
  sweeps: readonly ScalingSuite[],
  weights?: ShardWeights,
): Array<{ key: string; ms?: number }> {
  const keys: Array<{ key: string; ms?: number }> = [];
  for (const suite of suites) {
    if (!isSplit(suite)) keys.push({ key: suite.name, ms: weights?.costs.suites[suite.name] });
    else if ('command' in suite) {
      const names = typeof suite.command === 'string' ? [suite.name] : Object.keys(suite.command);
      for (const n of names) keys.push({ key: `${suite.name}/${n}`, ms: weights?.costs.benchmarks[`${suite.name}/${n}`] });
    } else
      for (const [id, ms] of Object.entries(weights?.costs.benchmarks ?? {}))
        if (id.startsWith(`${suite.name}/`)) keys.push({ key: id, ms }); // its other ids hash, as they come
  }
  for (const s of sweeps) keys.push({ key: s.name }); // a sweep's time is not in its record: hashed
  return keys;
}

/**
 * Longest processing time first (Graham 1969, "Bounds on multiprocessing timing anomalies": within
 * 4/3 of the best makespan): the keys with a known cost, dearest first (ties by key), each to the
 * least loaded shard (ties to the lowest index). Same costs → same owners, whatever the order.
 */
function balance(keys: Array<{ key: string; ms?: number }>, count: number): Record<string, number> {
  const loads = new Array<number>(count).fill(0);
  const owners: Record<string, number> = {};
  const known = keys.filter((k): k is { key: string; ms: number } => k.ms !== undefined && k.ms > 0);
  known.sort((a, b) => b.ms - a.ms || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const { key, ms } of known) {
    const i = loads.indexOf(Math.min(...loads));
    loads[i] = loads[i]! + ms;
    owners[key] = i + 1;
  }
  return owners;
}

/**
 * Shard `spec` of `suites`: a whole suite belongs to the shard its name hashes to; a suite with
 * `split: true` runs in every shard, each keeping the benchmarks whose id hashes to it (see
 * {@link shardOf}: adding a benchmark never moves another). A scaling suite's sweep belongs to the
 * shard its name hashes to. With `weights` (an earlier run's costs), the keys with a cost are
 * balanced by it instead, and the record says so, so a merge can check every shard used one plan.
 */
export function planShard(
  suites: readonly SuiteConfig[],
  spec: ShardSpec,
  sweeps: readonly ScalingSuite[] = [],
  weights?: ShardWeights,
): ShardPlan {
  const keys = planKeys(suites, sweeps, weights);
  const owners = weights ? balance(keys, spec.count) : {};
  const owner = (key: string): number => owners[key] ?? shardOf(key, spec.count);
  const mine = (key: string): boolean => owner(key) === spec.index;
  const split: Record<string, string[]> = {};
  const run: SuiteConfig[] = [];
  for (const suite of suites) {
    if (!isSplit(suite)) {
      if (mine(suite.name)) run.push(suite);
    } else if ('command' in suite) {
      const commands = typeof suite.command === 'string' ? { [suite.name]: suite.command } : suite.command;
      split[suite.name] = Object.keys(commands).map((name) => `${suite.name}/${name}`);
      const owned = Object.entries(commands).filter(([name]) => mine(`${suite.name}/${name}`));
      if (owned.length) run.push({ ...suite, command: Object.fromEntries(owned) });
    } else {
      split[suite.name] = []; // filled from the imported file
      run.push(suite);
    }
  }
  const shares = Array.from({ length: spec.count }, (_, i) => ({ index: i + 1, keys: 0, ms: 0 }));
  for (const k of keys) {
    const s = shares[owner(k.key) - 1]!;
    s.keys++;
    if (owners[k.key]) s.ms += k.ms!;
  }
  return {
    suites: run,
    sweeps: sweeps.filter((s) => mine(s.name)),
    record: {
      ...spec,
      suites: suites.map((s) => s.name),
      ...(Object.keys(split).length && { split }),
      ...(sweeps.length && { sweeps: sweeps.map((s) => s.name) }),
      ...(weights && { balanced: { from: weights.from, owners } }),
    },
    shares,
    unweighed: keys.filter((k) => !owners[k.key]).length,
    share(suite, outcome) {
      if (!isSplit(suite) || 'command' in suite) return outcome;
      const ids = split[suite.name]!;
      for (const b of outcome.benchmarks) if (!ids.includes(b.id)) ids.push(b.id);
      return {
        benchmarks: outcome.benchmarks.filter((b) => mine(b.id)),
        // A suite-wide error (its file is missing) is every shard's; a task's error is its owner's.
        errors: outcome.errors.filter((e) => e.task === undefined || mine(`${e.suite}/${e.task}`)),
      };
    },
  };
}

/** The plan's shares for the log: `shard 1: 4 part(s), ~12.3 s measured last time; …`. */
export function describeShares(plan: ShardPlan): string {
  const weighed = plan.record.balanced;
  const shares = plan.shares
    .map((s) => `shard ${s.index}: ${s.keys} part(s)${weighed ? `, ~${(s.ms / 1000).toFixed(1)} s measured last time` : ''}`)
    .join('; ');
  const how = weighed
    ? `weighted by the measuring times of the run ${weighed.from}${plan.unweighed ? `; ${plan.unweighed} part(s) without a time placed by hash` : ''}`
    : 'by hash of each name';
  return `Shard plan (${how}): ${shares}.`;
}
