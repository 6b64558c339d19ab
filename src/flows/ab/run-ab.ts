import { runSuites, runSuitesAb, type RunOptions } from '../../bench/index.js';
import type { Config } from '../../config/index.js';
import { BenchError } from '../../model/errors.js';
import type { Logger } from '../../model/logger.js';
import { progressLogger } from '../progress.js';
import type { RunFile, ShardSpec } from '../../model/index.js';
import { formatDuration, roundFits, roundOrder, type Side } from './schedule.js';
import { runSetup } from './setup.js';
import { withWorktree } from './worktree.js';

export interface AbOptions {
  config: Config;
  /** The user's checkout: the head side. */
  repoDir: string;
  /** The base commit or ref (a PR's base sha). */
  baseRef: string;
  /** Shell command run once in each tree before measuring, e.g. `npm ci && npm run build`. */
  setup?: string;
  rounds: number;
  /** Seconds; 0 = no budget. Rounds stop early when the next would not fit. */
  timeBudget: number;
  commit?: string;
  log: Logger;
  /** Measure only this shard's share of the suites (both sides); the head runs record the plan. */
  shard?: ShardSpec;
}

export interface AbResult {
  /** Paired runs: base[i] and head[i] were measured side by side in round i. */
  base: RunFile[];
  head: RunFile[];
  baseSha: string;
  /** What happened to the rounds (a base that did not build, a time budget that ended them); {@link abNote} says what was measured. */
  notes: string[];
}

/**
 * Measures base and head in this job for R rounds, so the pairs share the machine and the moment
 * and their differences cancel runner drift. Each round measures suite by suite, base-head /
 * head-base alternately; a tinybench suite measures both copies in one process, task by task.
 */
export async function runAb(o: AbOptions): Promise<AbResult> {
  return withWorktree(o.repoDir, o.baseRef, async (baseDir, baseSha) => {
    const notes: string[] = [];
    const trees: Record<Side, string> = { base: baseDir, head: o.repoDir };
    let baseBuilds = true;
    if (o.setup) {
      const head = await runSetup(o.setup, o.repoDir);
      if (!head.ok) throw new BenchError(`The setup command failed on the head tree: ${head.message}`);
      const base = await runSetup(o.setup, baseDir);
      if (!base.ok) {
        baseBuilds = false;
        o.log.warning(`The setup command failed on the base (${baseSha.slice(0, 7)}): ${base.message}`);
        notes.push(`The base commit ${baseSha.slice(0, 7)} did not build, so every benchmark is reported as new.`);
      }
    }
    const options = (side: Side): RunOptions => ({
      cwd: trees[side],
      commit: side === 'head' ? o.commit : baseSha,
      onProgress: progressLogger(o.log, side === 'base' ? `base ${baseSha.slice(0, 7)}` : undefined),
      // A sweep per round would multiply the job's time; A/B judges the suites (docs/optimize.md).
      scaling: false,
      ...(o.shard && { shard: o.shard }),
    });

    const runs: Record<Side, RunFile[]> = { base: [], head: [] };
    const started = Date.now();
    const roundMs: number[] = [];
    const rounds = baseBuilds ? o.rounds : 1;
    for (let i = 0; i < rounds; i++) {
      if (!roundFits(Date.now() - started, roundMs, o.timeBudget)) {
        notes.push(`The time budget of ${o.timeBudget} s ended the rounds after ${i} of ${o.rounds} pairs.`);
        break;
      }
      const t0 = Date.now();
      const eta = roundMs.length
        ? `, about ${formatDuration((rounds - i) * (roundMs.reduce((a, b) => a + b, 0) / roundMs.length))} left`
        : '';
      o.log.info(`A/B round ${i + 1} of ${rounds}${eta}`);
      if (baseBuilds) {
        const pair = await runSuitesAb(o.config, { base: options('base'), head: options('head') }, roundOrder(i)[0]);
        runs.base.push(pair.base);
        runs.head.push(pair.head);
      } else {
        runs.head.push(await runSuites(o.config, options('head')));
      }
      roundMs.push(Date.now() - t0);
    }
    return { base: runs.base, head: runs.head, baseSha, notes };
  });
}

/**
 * The report's sentence on what the A/B rounds measured (none when the base did not build):
 * `where` they were interleaved, "in this job" or in each shard's job.
 */
export function abNote(config: Config | undefined, pairs: number, baseSha: string, where: string): string[] {
  if (pairs === 0) return [];
  const together = !!config?.suites.some((s) => 'tinybench' in s && s.abSameProcess !== false);
  return [
    `A/B: ${pairs} pairs of runs of the base ${baseSha.slice(0, 7)} and this commit, interleaved ${where}${together ? '; tinybench suites measured both copies in one process, task by task' : ''}.`,
  ];
}
