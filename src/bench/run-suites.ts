import { ConfigError, isUserError } from '../errors.js';
import type { Config, SuiteConfig } from '../config/types.js';
import { RUN_SCHEMA_VERSION, type RunError, type RunFile } from '../types.js';
import { runCommandSuite } from './command.js';
import { runImportSuite } from './import-suite.js';
import { machineInfo } from './machine.js';
import { runTinybenchSuite } from './tinybench.js';
import { quote, type ProgressEvent, type RunnerContext, type SuiteKind, type SuiteOutcome } from './types.js';

export interface RunOptions {
  /** The project root; suite paths and commands resolve against it. */
  cwd: string;
  commit?: string;
  ref?: string;
  onProgress?: (e: ProgressEvent) => void;
  /** Run only the suites with these names (all when absent). */
  suites?: string[];
}

/** The runner a suite config asks for, by the key it sets. */
export function suiteKind(suite: SuiteConfig): SuiteKind {
  if ('tinybench' in suite) return 'tinybench';
  if ('command' in suite) return 'command';
  return 'import';
}

/**
 * Runs the configured suites one after the other (never in parallel: they would disturb each
 * other's timings) and assembles the run file. A suite that fails becomes a RunError and the
 * others go on; only a bug (not a user error) stops the run.
 */
export async function runSuites(config: Config, options: RunOptions): Promise<RunFile> {
  const emit = options.onProgress ?? (() => undefined);
  const ctx: RunnerContext = { cwd: options.cwd, emit };
  const run: RunFile = {
    schemaVersion: RUN_SCHEMA_VERSION,
    tool: 'track-performance',
    ...(options.commit && { commit: options.commit }),
    ...(options.ref && { ref: options.ref }),
    timestamp: new Date().toISOString(),
    machine: machineInfo(),
    benchmarks: [],
    errors: [],
  };
  for (const suite of selectSuites(config.suites, options.suites)) {
    const kind = suiteKind(suite);
    const started = performance.now();
    emit({ type: 'suite-start', suite: suite.name, kind });
    const outcome = await runSuite(suite, kind, ctx);
    run.benchmarks.push(...outcome.benchmarks);
    run.errors!.push(...outcome.errors);
    const durationMs = performance.now() - started;
    emit({ type: 'suite-done', suite: suite.name, benchmarks: outcome.benchmarks.length, errors: outcome.errors.length, durationMs });
  }
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
