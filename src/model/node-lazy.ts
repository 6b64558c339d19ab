/**
 * Node built-ins that cost a run's start-up when imported (node:crypto ≈ 28 M instructions,
 * node:child_process ≈ 13 M, node:util ≈ 6.5 M in the bundle: its import namespace loads
 * parseArgs, diff, worker_threads, perf_hooks… — on Node 24, measured by hand under Cachegrind),
 * loaded on first use instead: a run that never hashes nor spawns (a push with a directory store
 * and an import suite) never loads them. An ES module's `import` is evaluated before any code
 * runs; `require` is not.
 */
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);
let crypto: typeof import('node:crypto') | undefined;
let childProcess: typeof import('node:child_process') | undefined;
let util: typeof import('node:util') | undefined;

/** node:crypto, loaded on the first call. */
export const nodeCrypto = (): typeof import('node:crypto') => (crypto ??= load('node:crypto') as typeof import('node:crypto'));

/** node:child_process, loaded on the first call. */
export const nodeChildProcess = (): typeof import('node:child_process') =>
  (childProcess ??= load('node:child_process') as typeof import('node:child_process'));

/** node:util, loaded on the first call. */
export const nodeUtil = (): typeof import('node:util') => (util ??= load('node:util') as typeof import('node:util'));
