/**
 * Shards: one matrix job measures share i of n of the suites, and a merge job puts the shards'
 * run files back together. Which shard owns what is a pure function of a name, so every job of
 * the matrix computes the same plan from the same config without talking to the others.
 */
import { nodeCrypto } from './node-lazy.js';
import { ConfigError } from './errors.js';
import type { RunFile } from './run-file.js';

export type { AbPairs, ShardSpec, ShardRecord, ShardRef, MergedShards } from './shard-types.js';
import type { ShardSpec, ShardRef } from './shard-types.js';

/** Most shards a plan may have (a GitHub matrix has at most 256 jobs). */
export const MAX_SHARDS = 256;

/** `"2/3"` → `{ index: 2, count: 3 }`; anything else is a ConfigError naming `field`. */
export function parseShard(text: string, field: string): ShardSpec {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || count > MAX_SHARDS || index < 1 || index > count)
    throw new ConfigError(
      `${field} must be "i/n" with 1 ≤ i ≤ n ≤ ${MAX_SHARDS} (e.g. "2/3" for the second of three shards); found '${text}'.`,
      undefined,
      field,
    );
  return { index, count };
}

/**
 * The shard (1-based) that owns `key` (a suite name, or a benchmark id in a split suite) among
 * `count`: the first 32 bits of the key's SHA-256, modulo `count`. It depends on the key alone,
 * so adding or removing a suite or a benchmark never moves another one.
 */
export function shardOf(key: string, count: number): number {
  return (nodeCrypto().createHash('sha256').update(key, 'utf8').digest().readUInt32BE(0) % count) + 1;
}

/** `ubuntu / node 20` → a label safe in ids and file names: `[A-Za-z0-9._-]`, other runs of characters become `-`. */
export function variantLabel(text: string, field: string): string {
  const label = text
    .trim()
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (!label || label.length > 64)
    throw new ConfigError(
      `${field} must be a short label of letters, digits, '.', '_' or '-' (e.g. ubuntu-node20); found '${text}'.`,
      undefined,
      field,
    );
  return label;
}

/** The file name a shard's run file gets, unique per variant and index so `download-artifact` with `merge-multiple` keeps them all. */
export function shardFileName(spec: ShardSpec, variant?: string): string {
  return `shard-${variant ? `${variant}-` : ''}${spec.index}-of-${spec.count}.json`;
}

/** `shard 2 of 3`, or `shard 2 of 3 of variant ubuntu-node20`. */
export function shardName(ref: ShardRef, count: number): string {
  return `shard ${ref.index} of ${count}${ref.variant ? ` of variant ${ref.variant}` : ''}`;
}

/**
 * The run with `variant` in every benchmark's id and name (`parser/parse [ubuntu-node20]`), so
 * each matrix axis is a series of its own and is compared with its own baseline series.
 */
export function labelVariant(run: RunFile, variant: string): RunFile {
  const tag = (s: string): string => `${s} [${variant}]`;
  const split = run.shard?.split;
  const ab = run.shard?.ab;
  return {
    ...run,
    variant,
    benchmarks: run.benchmarks.map((b) => ({ ...b, id: tag(b.id), name: tag(b.name) })),
    ...(run.errors && { errors: run.errors.map((e) => (e.task === undefined ? e : { ...e, task: tag(e.task) })) }),
    ...(run.shard && {
      shard: {
        ...run.shard,
        variant,
        ...(split && { split: Object.fromEntries(Object.entries(split).map(([suite, ids]) => [suite, ids.map(tag)])) }),
        ...(ab && {
          ab: { ...ab, base: ab.base.map((r) => labelVariant(r, variant)), head: ab.head.map((r) => labelVariant(r, variant)) },
        }),
      },
    }),
  };
}
