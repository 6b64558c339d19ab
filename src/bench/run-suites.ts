import { ConfigError, isUserError } from '../model/errors.js';
import type { Config, ScalingSuite, SuiteConfig, TinybenchSuite } from '../config/types.js';
import { suiteKind, type SuiteKind } from '../config/index.js';
import { RUN_SCHEMA_VERSION, type RunError, type RunFile, type ShardSpec } from '../model/index.js';
import { runCommandPair, runCommandSuite } from './command.js';
import { runImportSuite } from './import-suite.js';
import { machineInfo } from './machine.js';
import { measuresOf, runCountedSuite } from './run-counted.js';
import { planShard } from './shard-plan.js';
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
  /** Run the config's scaling suites too (default true; the A/B rounds leave them out). */
  scaling?: boolean;
  /** Levels to add to a sweep after its first rounds (near the knee its first fit found; see flows). */
  scalingExtra?: (suite: ScalingSuite, levels: readonly ScalingLevel[]) => number[];
}

/**
 * Runs the configured suites one after the other (never in parallel: they would disturb each
 * other's timings) and assembles the run file. A suite that fails becomes a RunError and the
 * others go on; only a bug (not a user error) stops the run.
 */
export async function runSuites(config: Config, options: RunOptions): Promise<RunFile> {
  const ctx = runnerContext(options);
  const run = emptyRun(options);
  // A sharded run leaves the sweeps out: every shard would repeat them (docs/shards.md).
  const scaling = options.scaling === false || options.shard ? [] : (config.scaling ?? []);
  const only = options.suites;
  // A name of a scaling suite alone is not an unknown suite (it selects that sweep).
  const sweepOnly = (n: string) => scaling.some((s) => s.name === n) && !config.suites.some((s) => s.name === n);
  const selected = selectSuites(
    config.suites,
    only?.filter((n) => !sweepOnly(n)),
  );
  const plan = options.shard ? planShard(selected, options.shard) : undefined;
  for (const suite of plan?.suites ?? selected) {
    const kind = suiteKind(suite);
    const started = performance.now();
    ctx.emit({ type: 'suite-start', suite: suite.name, kind });
    const outcomes: SuiteOutcome[] = [];
    const measures = measuresOf(suite, config);
    for (const measure of measures) {
      const measured =
        measure === 'time'
          ? await runSuite(suite, kind, ctx)
          : await runCountedSuite(suite, measure, ctx, !measures.includes('time'), run.machine);
      const outcome = plan ? plan.share(suite, measured) : measured;
      addOutcome(run, outcome);
      outcomes.push(outcome);
    }
    suiteDone(ctx, suite, outcomes, started);
  }
  for (const suite of scaling.filter((s) => !only || only.includes(s.name))) {
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
  for (const suite of selectSuites(config.suites, options.head.suites)) {
    const kind = suiteKind(suite);
    const started = performance.now();
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
    for (const pair of [outcomes, ...counted]) for (const side of order) addOutcome(runs[side], pair[side]);
    suiteDone(
      ctx.head,
      suite,
      [outcomes, ...counted].flatMap((pair) => order.map((side) => pair[side])),
      started,
    );
  }
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

function suiteDone(ctx: RunnerContext, suite: SuiteConfig, outcomes: SuiteOutcome[], started: number): void {
  const count = (f: (o: SuiteOutcome) => number) => outcomes.reduce((n, o) => n + f(o), 0);
  const durationMs = performance.now() - started;
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
