/** Which measures a suite asks for, and running a suite under a counted one (instructions, cycles). */
import { ConfigError, isUserError } from '../model/errors.js';
import type { Config, Measure, SuiteConfig } from '../config/types.js';
import type { Machine, RunError } from '../model/index.js';
import { runCommandCount } from './command-count.js';
import { runTinybenchCount } from './tinybench-count.js';
import { quote, type RunnerContext, type SuiteOutcome } from './types.js';
import { COUNT_NODE_FLAGS, type CountMeasure } from './valgrind.js';

/** The suite's measures in a fixed order (time first); import suites keep their tool's values. */
export function measuresOf(suite: SuiteConfig, config: Pick<Config, 'measure'>): Measure[] {
  if ('import' in suite) return ['time'];
  const asked = suite.measure ?? config.measure ?? 'time';
  const list = Array.isArray(asked) ? asked : [asked];
  return (['time', 'instructions', 'cycles'] as const).filter((m) => list.includes(m));
}

/**
 * Counts a tinybench or command suite; a suite that cannot be counted (no Valgrind, another OS)
 * becomes its error, never a timed run. The toolchain lands in the run's machine facts, so a
 * comparison can tell a Valgrind or V8 update from a code change.
 */
export async function runCountedSuite(
  suite: SuiteConfig,
  measure: CountMeasure,
  ctx: RunnerContext,
  withMetrics: boolean,
  machine: Machine | undefined,
): Promise<SuiteOutcome> {
  try {
    let r;
    if ('tinybench' in suite) r = await runTinybenchCount(suite, measure, ctx, withMetrics);
    else if ('command' in suite) r = await runCommandCount(suite, measure, ctx);
    else throw new ConfigError(`Suite ${quote(suite.name)}: measure "${measure}" applies to tinybench and command suites only.`);
    if (machine) {
      machine.valgrindVersion = r.valgrind.version;
      machine.countFlags = COUNT_NODE_FLAGS.join(' ');
    }
    return { benchmarks: r.benchmarks, errors: r.errors };
  } catch (e) {
    if (!isUserError(e)) throw e;
    const error: RunError = { suite: suite.name, message: e.message };
    ctx.emit({ type: 'error', ...error });
    return { benchmarks: [], errors: [error] };
  }
}
