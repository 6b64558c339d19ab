import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** How to start the worker for one suite file: which script, with which Node flags. */
export interface WorkerLaunch {
  script: string;
  execArgv: string[];
  /** How TypeScript is handled, for the log: `tsx (…)`, `node` (native type stripping) or none. */
  typescript?: string;
}

const TS_EXTENSIONS = new Set(['.ts', '.mts', '.cts', '.tsx']);

/** True when this Node strips TypeScript types itself (Node ≥ 22.18 / 23.6 by default). */
export function nodeStripsTypes(): boolean {
  return Boolean((process.features as { typescript?: unknown }).typescript);
}

/**
 * Finds the worker beside the running code: `tinybench-worker.ts` when running from source
 * (tests, tsx), else `tinybench-worker.js` beside the bundle (dist/index.js, dist/cli.js).
 * Returns undefined for the loader when a TypeScript file needs one and none is installed.
 */
export function workerLaunch(
  suiteFile: string,
  projectCwd: string,
  here: string = import.meta.url,
  stripsTypes: boolean = nodeStripsTypes(),
): WorkerLaunch | { missingLoader: true } {
  const hereFile = fileURLToPath(here);
  const fromSource = extname(hereFile) === '.ts';
  const script = join(dirname(hereFile), fromSource ? 'tinybench-worker.ts' : 'tinybench-worker.js');
  const isTs = TS_EXTENSIONS.has(extname(suiteFile));
  // The user's own tsx wins (it handles enums and paths Node's stripping rejects), then Node's
  // own type stripping, then the tsx this package depends on.
  const userTsx = isTs ? resolveTsx(projectCwd) : undefined;
  const ownTsx = resolveTsx(dirname(hereFile));
  if (userTsx) return { script, execArgv: ['--import', userTsx], typescript: `tsx (${fileURLToPath(userTsx)})` };
  if (fromSource) {
    if (!ownTsx) return { missingLoader: true };
    return { script, execArgv: ['--import', ownTsx], ...(isTs && { typescript: `tsx (${fileURLToPath(ownTsx)})` }) };
  }
  if (!isTs) return { script, execArgv: [] };
  // Node strips types from .ts, .mts and .cts; JSX needs tsx.
  if (stripsTypes && extname(suiteFile) !== '.tsx') return { script, execArgv: [], typescript: 'node (built-in type stripping)' };
  if (ownTsx) return { script, execArgv: ['--import', ownTsx], typescript: `tsx (${fileURLToPath(ownTsx)})` };
  return { missingLoader: true };
}

/** The file URL of tsx's loader as resolved from `dir` (for `--import`), or undefined. */
export function resolveTsx(dir: string): string | undefined {
  const pkg = 'tsx';
  try {
    const path = createRequire(join(dir, 'noop.js')).resolve(pkg);
    return existsSync(path) ? pathToFileURL(path).href : undefined;
  } catch {
    return undefined;
  }
}
