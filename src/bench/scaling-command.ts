import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScalingSuite } from '../config/types.js';
import { COMMAND_DEFAULTS, runCommandSuite } from './command.js';
import type { StepResult, Stepper } from './scaling-step.js';
import { quote, type RunnerContext } from './types.js';

/**
 * The environment variable naming the file a run may write `{"units": …, "seconds": …, "metric": …}`
 * to: the work it did, the time its work took by its own clock (to leave out start-up), and
 * other numbers (accuracy, errors, …) kept per level.
 */
export const METRICS_ENV = 'TRACK_PERFORMANCE_METRICS';

/** A command sweep's steps: one invocation of the command with `{N}` replaced, through the command runner. */
export async function openCommandStepper(suite: ScalingSuite & { command: string }, ctx: RunnerContext): Promise<Stepper> {
  const tmp = await mkdtemp(join(tmpdir(), 'tp-scaling-'));
  const metricsFile = join(tmp, 'metrics.json');
  return {
    label: suite.command,
    defaults: {},
    step: (n) => step(suite, n, metricsFile, ctx),
    close: () => rm(tmp, { recursive: true, force: true }),
  };
}

/** One invocation at one level (one run, no warm-up of its own). */
async function step(
  suite: ScalingSuite & { command: string },
  n: number,
  metricsFile: string,
  ctx: RunnerContext,
): Promise<StepResult | { error: string }> {
  const command = suite.command.replaceAll('{N}', String(n));
  await rm(metricsFile, { force: true });
  const outcome = await runCommandSuite(
    {
      name: suite.name,
      command: { [`N=${n}`]: command },
      runs: 1,
      warmup: 0,
      ...(suite.cwd && { cwd: suite.cwd }),
      env: { ...suite.env, [METRICS_ENV]: metricsFile },
      timeout: suite.timeout ?? COMMAND_DEFAULTS.timeout,
    },
    // The per-invocation chatter (GNU time found, task done) would repeat for every run.
    { cwd: ctx.cwd, emit: () => undefined },
  );
  const error = outcome.errors[0];
  if (error) return { error: error.message };
  const wallNs = outcome.benchmarks[0]!.samples![0]!;
  const written = await readMetrics(metricsFile, suite.name, command);
  if (typeof written === 'string') return { error: written };
  return {
    wallNs,
    seconds: written.seconds ?? wallNs / 1e9,
    calls: 1,
    ...(written.units !== undefined && { units: written.units }),
    metrics: written.metrics,
  };
}

/** The metrics file a run wrote, if any: `units` and other numbers; a message when it is malformed. */
async function readMetrics(
  file: string,
  suite: string,
  command: string,
): Promise<{ units?: number; seconds?: number; metrics: Record<string, number> } | string> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return { metrics: {} };
  const bad = (why: string) =>
    `Suite ${quote(suite)}: command ${quote(command)} wrote ${quote(text.slice(0, 200))} to $${METRICS_ENV}, ${why}; expected a JSON object of numbers such as {"units": 120, "accuracy": 0.97}.`;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return bad('which is not JSON');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return bad('which is not an object');
  const metrics: Record<string, number> = {};
  const own: { units?: number; seconds?: number } = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'number' || !Number.isFinite(v)) return bad(`whose ${quote(k)} is not a number`);
    if (k === 'units' || k === 'seconds') {
      if (!(v > 0)) return bad(`whose ${quote(k)} is not above 0`);
      own[k] = v;
    } else metrics[k] = v;
  }
  return { ...own, metrics };
}
