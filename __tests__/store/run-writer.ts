/** Starts `store-writer.ts` as a separate process, as a concurrent job would be. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const WRITER = join(import.meta.dirname, 'store-writer.ts');

/** Runs one writer (`directory <dir> <i>` or `gh-pages <repoDir> <i>`); resolves with its exit code and stderr. */
export function runWriter(args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code: code ?? 1, stderr }));
  });
}
