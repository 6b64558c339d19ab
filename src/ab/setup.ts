import { childEnv } from '../bench/child-env.js';
import { describeExit, spawnCapture } from '../bench/process.js';

/**
 * Runs a setup command (e.g. `npm ci && npm run build`) through the shell, the way benchmarked
 * commands run: the step's environment without the action's inputs (no token), its own process
 * group. On failure, the message ends with the end of its stderr.
 */
export async function runSetup(command: string, cwd: string): Promise<{ ok: true } | { ok: false; message: string }> {
  const o = await spawnCapture('/bin/sh', ['-c', command], { cwd, env: childEnv() });
  return o.code === 0 ? { ok: true } : { ok: false, message: `\`${command}\` ${describeExit(o)} in ${cwd}:\n${o.stderrTail.trim()}` };
}
