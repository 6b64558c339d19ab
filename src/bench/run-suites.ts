import { ConfigError, isUserError } from '../model/errors.js';
import type { Config, ScalingSuite, SuiteConfig, TinybenchSuite } from '../config/types.js';
import { suiteKind, type SuiteKind } from '../config/index.js';
import { RUN_SCHEMA_VERSION, type RunError, type RunFile, type ShardSpec, type ShardWeights } from '../model/index.js';
import { runCommandPair, runCommandSuite } from './command.js';
import { runImportSuite } from './import-suite.js';
import { machineInfo } from './machine.js';
import { measuresOf, runCountedSuite } from './run-counted.js';
import { countParallelism, runLimited } from './parallel.js';
import { describeShares, planShard } from './shard-plan.js';
import { runScalingRecord, type ScalingLevel } from './scaling.js';
import { runTinybenchPair, runTinybenchSuite } from './tinybench.js';
import { quote, type ProgressEvent, type RunnerContext, type Side, type SuiteOutcome } from './types.js';

export interface RunOptions {
  /** The project root; suite paths and commands resolve against it. */
  cwd: string;
  commit?: string;
  ref?: string;
  onProgress?: (e: ProgressEvent) => void;
  /** Run only the suites with these names (all when absent); scaling suites count by their names too. */
  suites?: string[];
  /** Run only this shard's share of them (see shard-plan.ts); the run file records it. */
  shard?: ShardSpec;
  /** Balance the shard plan by these measured costs instead of by hash alone. */
  shardWeights?: ShardWeights;
  /** Run the config's scaling suites too (default true; the A/B rounds leave them out). */
  scaling?: boolean;
  /** Levels to add to a sweep after its first rounds (near the knee its first fit found; see flows). */
  scalingExtra?: (suite: ScalingSuite, levels: readonly ScalingLevel[]) => number[];
}

/**
 * Runs the configured suites and assembles the run file. Counted parts (instructions, cycles)
 * go first, up to `instructions.parallel` Valgrind processes at once (counts do not feel the
 * load); then the timed parts one after the other, alone on the machine (they would disturb each
 * other's timings). The log and the run file keep the config's order: a suite's events are held
 * until the suites before it are shown (only the counting progress shows at once). A suite that
 * fails becomes a RunError and the others go on; only a bug (not a user error) stops the run.
 */
export async function runSuites(config: Config, options: RunOptions): Promise<RunFile> {
  const ctx = runnerContext(options);
  const run = emptyRun(options);
  const scaling = options.scaling === false ? [] : (config.scaling ?? []);
  const only = options.suites;
  // A name of a scaling suite alone is not an unknown suite (it selects that sweep).
  const sweepOnly = (n: string) => scaling.some((s) => s.name === n) && !config.suites.some((s) => s.name === n);
  const selected = selectSuites(
    config.suites,
    only?.filter((n) => !sweepOnly(n)),
  );
  const sweeps = scaling.filter((s) => !only || only.includes(s.name));
  // A shard measures its share of the suites and of the sweeps (each sweep in one shard).
  const plan = options.shard ? planShard(selected, options.shard, sweeps, options.shardWeights) : undefined;
  if (plan) ctx.emit({ type: 'info', suite: '', message: describeShares(plan) });
  const share = (suite: SuiteConfig, o: SuiteOutcome) => (plan ? plan.share(suite, o) : o);
  const parts = (plan?.suites ?? selected).map((suite) => ({
    suite,
    measures: measuresOf(suite, config),
    held: [] as ProgressEvent[],
    counted: [] as SuiteOutcome[],
    pending: 0,
    ms: 0,
  }));
  type Part = (typeof parts)[number];
  const show = (p: Part, timed?: SuiteOutcome) => {
    for (const e of p.held) ctx.emit(e);
    const outcomes = timed ? [timed, ...p.counted] : p.counted;
    for (const o of outcomes) addOutcome(run, o);
    suiteDone(ctx, p.suite, outcomes, p.ms);
  };
  let next = 0;
  // Suites counted only are shown as soon as every suite before them is.
  const flush = () => {
    for (let p = parts[next]; p && p.pending === 0 && !p.measures.includes('time'); p = parts[++next]) {
      ctx.emit({ type: 'suite-start', suite: p.suite.name, kind: suiteKind(p.suite) });
      show(p);
    }
  };
  const jobs = parts.flatMap((p) =>
    p.measures
      .filter((m) => m !== 'time')
      .map((measure, j) => {
        p.pending++;
        return async () => {
          const started = nowMs();
          const held = { cwd: ctx.cwd, emit: (e: ProgressEvent) => (e.type === 'count-progress' ? ctx.emit(e) : p.held.push(e)) };
          const measured = await runCountedSuite(p.suite, measure, held, !p.measures.includes('time'), run.machine);
          p.counted[j] = share(p.suite, measured);
          p.ms += nowMs() - started;
          p.pending--;
          flush();
        };
      }),
  );
  flush();
  await runLimited(jobs, countParallelism(config));
  for (; next < parts.length; next++) {
    const p = parts[next]!;
    const kind = suiteKind(p.suite);
    ctx.emit({ type: 'suite-start', suite: p.suite.name, kind });
    const started = nowMs();
    const timed = p.measures.includes('time') ? share(p.suite, await runSuite(p.suite, kind, ctx)) : undefined;
    p.ms += nowMs() - started;
    show(p, timed);
  }
  for (const suite of plan?.sweeps ?? sweeps) {
    const record = await runScalingRecord(suite, ctx, {
      cores: run.machine!.cores,
      ...(options.scalingExtra && { extra: (levels) => options.scalingExtra!(suite, levels) }),
    });
    if (!('levels' in record)) {
      run.errors!.push(record);
      continue;
    }
    (run.scaling ??= []).push(record);
    // A level that failed is the run's error too, so the one gate sees it like a crashed suite.
    for (const l of record.levels) if (l.error !== undefined) run.errors!.push({ suite: suite.name, task: `N=${l.n}`, message: l.error });
  }
  if (plan) run.shard = plan.record;
  return finishRun(run);
}

/**
 * An A/B round: every suite measured on both trees, one suite at a time so that the two sides of
 * a suite are close in time. A tinybench suite runs both copies in one process, task by task
 * (unless it sets `abSameProcess: false`); a command suite alternates the two trees' invocations
 * of each command; other suites (imports, separate tinybench processes) run `first`, then the
 * other side.
 * Progress is reported once per suite, through the head's `onProgress`.
 */
export async function runSuitesAb(config: Config, options: Record<Side, RunOptions>, first: Side): Promise<Record<Side, RunFile>> {
  const ctx = { base: runnerContext(options.base), head: runnerContext(options.head) };
  const runs = { base: emptyRun(options.base), head: emptyRun(options.head) };
  const order: Side[] = first === 'base' ? ['base', 'head'] : ['head', 'base'];
  const selected = selectSuites(config.suites, options.head.suites);
  // A shard's A/B round: its share of the suites, both sides cut alike (the head run records the plan).
  const plan = options.head.shard ? planShard(selected, options.head.shard) : undefined;
  for (const suite of plan?.suites ?? selected) {
    const kind = suiteKind(suite);
    const started = nowMs();
    ctx.head.emit({ type: 'suite-start', suite: suite.name, kind });
    const measures = measuresOf(suite, config);
    const counted: Array<Record<Side, SuiteOutcome>> = [];
    // Counts need no pairing (they do not feel the machine): each side in turn, in its own process.
    for (const measure of measures) {
      if (measure === 'time') continue;
      const pair = { base: { benchmarks: [], errors: [] }, head: { benchmarks: [], errors: [] } } as Record<Side, SuiteOutcome>;
      for (const side of order)
        pair[side] = await runCountedSuite(suite, measure, ctx[side], !measures.includes('time'), runs[side].machine);
      counted.push(pair);
    }
    let outcomes: Record<Side, SuiteOutcome>;
    if (!measures.includes('time')) {
      outcomes = { base: { benchmarks: [], errors: [] }, head: { benchmarks: [], errors: [] } };
    } else if ('tinybench' in suite && suite.abSameProcess !== false) {
      outcomes = await runPair(suite, ctx, first);
    } else if ('command' in suite) {
      outcomes = await runCommandPair(suite, ctx, first === 'base');
    } else {
      outcomes = { base: { benchmarks: [], errors: [] }, head: { benchmarks: [], errors: [] } };
      for (const side of order) outcomes[side] = await runSuite(suite, kind, ctx[side]);
    }
    for (const pair of [outcomes, ...counted])
      for (const side of order) addOutcome(runs[side], plan ? plan.share(suite, pair[side]) : pair[side]);
    suiteDone(
      ctx.head,
      suite,
      [outcomes, ...counted].flatMap((pair) => order.map((side) => pair[side])),
      nowMs() - started,
    );
  }
  if (plan) runs.head.shard = plan.record;
  return { base: finishRun(runs.base), head: finishRun(runs.head) };
}

/** A tinybench suite's in-process pair; a user error that stops both sides is both sides' error. */
async function runPair(suite: TinybenchSuite, ctx: Record<Side, RunnerContext>, first: Side): Promise<Record<Side, SuiteOutcome>> {
  try {
    return await runTinybenchPair(suite, ctx, first === 'base');
  } catch (e) {
    if (!isUserError(e)) throw e;
    const error: RunError = { suite: suite.name, message: e.message };
    ctx.head.emit({ type: 'error', ...error });
    return { base: { benchmarks: [], errors: [error] }, head: { benchmarks: [], errors: [error] } };
  }
}

function runnerContext(options: RunOptions): RunnerContext {
  return { cwd: options.cwd, emit: options.onProgress ?? (() => undefined) };
}

function emptyRun(options: RunOptions): RunFile {
  return {
    schemaVersion: RUN_SCHEMA_VERSION,
    tool: 'track-performance',
    ...(options.commit && { commit: options.commit }),
    ...(options.ref && { ref: options.ref }),
    timestamp: new Date().toISOString(),
    machine: machineInfo(),
    benchmarks: [],
    errors: [],
  };
}

function addOutcome(run: RunFile, outcome: SuiteOutcome): void {
  run.benchmarks.push(...outcome.benchmarks);
  run.errors!.push(...outcome.errors);
}

function suiteDone(ctx: RunnerContext, suite: SuiteConfig, outcomes: SuiteOutcome[], durationMs: number): void {
  const count = (f: (o: SuiteOutcome) => number) => outcomes.reduce((n, o) => n + f(o), 0);
  ctx.emit({
    type: 'suite-done',
    suite: suite.name,
    benchmarks: count((o) => o.benchmarks.length),
    errors: count((o) => o.errors.length),
    durationMs,
  });
}

function finishRun(run: RunFile): RunFile {
  if (run.errors!.length === 0) delete run.errors;
  return run;
}

async function runSuite(suite: SuiteConfig, kind: SuiteKind, ctx: RunnerContext): Promise<SuiteOutcome> {
  try {
    if (kind === 'tinybench' && 'tinybench' in suite) return await runTinybenchSuite(suite, ctx);
    if (kind === 'command' && 'command' in suite) return await runCommandSuite(suite, ctx);
    if ('import' in suite) return await runImportSuite(suite, ctx);
    throw new ConfigError(`Suite ${quote(suite.name)} sets none of "tinybench", "command" or "import".`);
  } catch (e) {
    if (!isUserError(e)) throw e;
    const error: RunError = { suite: suite.name, message: e.message };
    ctx.emit({ type: 'error', ...error });
    return { benchmarks: [], errors: [error] };
  }
}

/** The suites to run, in config order; an unknown name in `only` is a ConfigError listing the known ones. */
export function selectSuites(suites: readonly SuiteConfig[], only?: readonly string[]): SuiteConfig[] {
  if (!only) return [...suites];
  const known = new Set(suites.map((s) => s.name));
  const unknown = only.filter((n) => !known.has(n));
  if (unknown.length > 0) {
    throw new ConfigError(
      `No suite named ${unknown.map(quote).join(', ')} in the config; its suites are ${[...known].map(quote).join(', ') || '(none)'}.`,
    );
  }
  return suites.filter((s) => only.includes(s.name));
}

/** Milliseconds on the monotonic clock: `performance` (a lazy global) would load perf_hooks, 3.5–4 M instructions at its first use (Node 20 and 24, measured by hand under Cachegrind). */
function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
