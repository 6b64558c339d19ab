/**
 * The benchmark runners: tinybench suite files in child processes, shell commands timed as
 * processes, and foreign results read by the importers — assembled into one run file.
 */
export { runSuites, runSuitesAb, selectSuites, type RunOptions } from './run-suites.js';
export { machineInfo } from './machine.js';
export type { ProgressEvent, Side } from './types.js';
export { TINYBENCH_DEFAULTS } from './tinybench.js';
export { COMMAND_DEFAULTS } from './command.js';
export type { CommandBenchmarkResult, RusageMethod } from './command-result.js';
