/** The shard records of a run file (no code: the run file's types import them, and so does the dashboard page). */
import type { RunFile } from './run-file.js';

/** Share `index` (1-based) of `count`. */
export interface ShardSpec {
  index: number;
  count: number;
}

/** What a shard's run file says about where it came from (`RunFile.shard`). */
export interface ShardRecord extends ShardSpec {
  /** The workflow run (`GITHUB_RUN_ID`) and its attempt (`GITHUB_RUN_ATTEMPT`): a merge takes one attempt of one run. */
  runId?: string;
  attempt?: number;
  /** The matrix axes' label (e.g. `ubuntu-node20`); each variant is its own set of shards and its own series. */
  variant?: string;
  /** Every suite of the plan, in config order (the merge restores this order). */
  suites: string[];
  /** Suites split by benchmark: the ids of all their benchmarks, in the suite's order, whichever shard measured them. */
  split?: Record<string, string[]>;
  /** Every scaling suite of the plan, in config order: each sweep is measured by the shard its name hashes to. */
  sweeps?: string[];
  /** A plan weighted by measured costs: the run they came from, and the owner of each key that had a cost (the rest hashed). */
  balanced?: { from: string; owners: Record<string, number> };
  /** An A/B shard (`mode: ab` with `shard`): the pairs this job measured of its share. */
  ab?: AbPairs;
}

/**
 * A/B pairs: `base[i]` and `head[i]` were measured side by side in round i, on one machine (a
 * shard's pairs never leave its job; a merge unites round i of every shard).
 */
export interface AbPairs {
  /** The base commit measured beside the head. */
  baseCommit: string;
  base: RunFile[];
  head: RunFile[];
  /** Sentences from the rounds (a time budget that ended them, a base that did not build). */
  notes?: string[];
}

/** One shard of a merge: its index and, in a matrix of variants, its variant. */
export interface ShardRef {
  index: number;
  variant?: string;
}

/** What a merged run file says about its shards (`RunFile.shards`). */
export interface MergedShards {
  count: number;
  /** Shards merged, and those absent (only with allow-partial). */
  merged: ShardRef[];
  missing: ShardRef[];
  runId?: string;
  attempt?: number;
  variants?: string[];
  /** Merged A/B shards: every shard's round i united into round i. */
  ab?: AbPairs;
}
