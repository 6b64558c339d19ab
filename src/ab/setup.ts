import { spawn } from 'node:child_process';

/** Runs a setup command (e.g. `npm ci && npm run build`) through the shell; resolves with the end of its output on failure. */
export function runSetup(command: string, cwd: string): Promise<{ ok: true } | { ok: false; message: string }> {
  return new Promise((done) => {
    const child = spawn(command, { cwd, shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    const keep = (d: Buffer): void => {
      tail = (tail + d.toString()).slice(-2000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (e) => done({ ok: false, message: e.message }));
    child.on('close', (code, signal) =>
      done(code === 0 ? { ok: true } : { ok: false, message: `\`${command}\` exited ${code ?? signal} in ${cwd}:\n${tail.trim()}` }),
    );
  });
}
