/** What the wall-time e2e tests share: a project whose one suite sleeps a delay we control exactly, and hyperfine's presence. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function tempWorkspace(): string {
  return mkdtempSync(join(tmpdir(), 'tp-ws-'));
}

/** Writes a config whose suite `sleepy` runs `nap` (`sleep delay`) 5 times after 1 warm-up, plus `extra` keys. */
export function writeSleepyConfig(dir: string, delay: number, extra: object = {}): void {
  const config = { suites: [{ name: 'sleepy', command: { nap: `sleep ${delay}` }, runs: 5, warmup: 1 }], ...extra };
  writeFileSync(join(dir, 'performance-tracker.json'), JSON.stringify(config));
}

export const hasHyperfine = (() => {
  try {
    execFileSync('hyperfine', ['--version']);
    return true;
  } catch {
    return false;
  }
})();
