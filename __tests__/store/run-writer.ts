/** Starts `store-writer.ts` as a separate process, as a concurrent job would be. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const WRITER = join(import.meta.dirname, 'store-writer.ts');

/**
 * Runs one writer (`directory <dir> <i>` or `gh-pages <repoDir> <i>`); resolves with its exit
 * code (null when killed) and stderr. With `killAfterMs`, the writer is killed with SIGKILL then:
 * a crash at an arbitrary point of its save.
 */
export function runWriter(args: string[], opts: { killAfterMs?: number } = {}): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    const timer = opts.killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), opts.killAfterMs);
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}
