import type { ScalingSuite, SuiteConfig } from '../config/types.js';
import { shardOf, type ShardRecord, type ShardSpec } from '../model/index.js';
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
}

const isSplit = (s: SuiteConfig): boolean => !('tinybench' in s) && s.split === true;

/**
 * Shard `spec` of `suites`: a whole suite belongs to the shard its name hashes to; a suite with
 * `split: true` runs in every shard, each keeping the benchmarks whose id hashes to it (see
 * {@link shardOf}: adding a benchmark never moves another). A scaling suite's sweep belongs to the
 * shard its name hashes to.
 */
export function planShard(suites: readonly SuiteConfig[], spec: ShardSpec, sweeps: readonly ScalingSuite[] = []): ShardPlan {
  const split: Record<string, string[]> = {};
  const mine = (key: string): boolean => shardOf(key, spec.count) === spec.index;
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
  return {
    suites: run,
    sweeps: sweeps.filter((s) => mine(s.name)),
    record: {
      ...spec,
      suites: suites.map((s) => s.name),
      ...(Object.keys(split).length && { split }),
      ...(sweeps.length && { sweeps: sweeps.map((s) => s.name) }),
    },
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
