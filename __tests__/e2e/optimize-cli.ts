import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { DIST_CLI } from '../helpers/action-process.js';

/** The workload with a set serial share (research/usl-workload.mjs). */
export const WORKLOAD = resolve(import.meta.dirname, '../../research/usl-workload.mjs');

/** A project directory holding a config with these scaling suites. */
export function scalingProject(scaling: unknown[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'tp-optimize-'));
  writeFileSync(join(dir, 'performance-tracker.json'), JSON.stringify({ suites: [{ name: 'noop', command: 'true' }], scaling }));
  return dir;
}

/** Runs `node dist/cli.js optimize …` in `cwd` as a user would. */
export async function optimize(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [DIST_CLI, 'optimize', ...args], { cwd, encoding: 'utf8' });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === 'number' ? err.code : -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}
