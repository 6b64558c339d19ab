import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnCapture } from '../../src/bench/process.js';

const runner = fileURLToPath(new URL('../fixtures/suites/cancel-runner.ts', import.meta.url));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Polls until `check` holds or `tries` × 100 ms passed; returns whether it held. */
async function eventually(check: () => boolean | Promise<boolean>, tries = 100): Promise<boolean> {
  for (let i = 0; i < tries; i++) {
    if (await check()) return true;
    await sleep(100);
  }
  return false;
}

describe('spawnCapture', () => {
  let tmp: string;
  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'tp-process-'));
  });
  afterAll(() => rm(tmp, { recursive: true, force: true }));

  it('keeps the start and the end of stderr and the exit code', async () => {
    const o = await spawnCapture('/bin/sh', ['-c', 'for i in $(seq 1 50); do echo "line $i" >&2; done; exit 5'], { cwd: tmp });
    expect(o.code).toBe(5);
    expect(o.timedOut).toBe(false);
    expect(o.stderrTail.split('\n')).toEqual(Array.from({ length: 20 }, (_, i) => `line ${31 + i}`));
    expect(o.stderrHead.split('\n').slice(0, 3)).toEqual(['line 1', 'line 2', 'line 3']);
  });

  it('reports a program that cannot start like a shell would', async () => {
    const o = await spawnCapture('/no/such/program', [], { cwd: tmp });
    expect(o.code).toBe(127);
    expect(o.stderrTail).toContain('ENOENT');
  });

  it('kills the processes a command started when the runner is cancelled with SIGINT', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', runner, tmp], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, signal) => resolve(signal)));
    const pidFile = join(tmp, 'sleep.pid');
    expect(
      await eventually(() =>
        readFile(pidFile, 'utf8').then(
          (t) => t.trim() !== '',
          () => false,
        ),
      ),
    ).toBe(true);
    const sleepPid = Number((await readFile(pidFile, 'utf8')).trim());
    expect(alive(sleepPid)).toBe(true);
    child.kill('SIGINT');
    expect(await exited).toBe('SIGINT');
    expect(out).toBe('');
    expect(await eventually(() => !alive(sleepPid), 50)).toBe(true);
  });
});
