import { execFileSync } from 'node:child_process';

/** True when Valgrind runs here (Linux with `valgrind` on PATH); tests that count skip otherwise. */
export const hasValgrind = (() => {
  try {
    execFileSync('valgrind', ['--version']);
    return process.platform === 'linux';
  } catch {
    return false;
  }
})();
