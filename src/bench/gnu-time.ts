import { nodeChildProcess } from '../model/node-lazy.js';

/** Where GNU time lives on Debian/Ubuntu (package `time`) and on GitHub's ubuntu runners. */
export const GNU_TIME = '/usr/bin/time';

/** A marker line GNU time writes to its `-o` file: wall s, user s, system s, max RSS KiB, exit. */
export const GNU_TIME_FORMAT = 'TP-RUSAGE %e %U %S %M %x';

/** Per-process resource use of one run, from the kernel's rusage of the shell and its children. */
export interface Rusage {
  cpuUserNs: number;
  cpuSystemNs: number;
  /** Largest resident set of the process or any of its waited-for children, bytes. */
  peakRssBytes: number;
}

let detected: Promise<boolean> | undefined;

/** True when `/usr/bin/time` is GNU time (BSD time on macOS has no `-f`). Checked once. */
export function hasGnuTime(): Promise<boolean> {
  detected ??= new Promise((resolve) => {
    nodeChildProcess().execFile(GNU_TIME, ['--version'], (err, stdout, stderr) => {
      resolve(!err && /GNU/.test(`${stdout}${stderr}`));
    });
  });
  return detected;
}

/**
 * Reads what GNU time wrote with {@link GNU_TIME_FORMAT}. Returns undefined when the marker line
 * is absent (GNU time itself was killed, e.g. on timeout). Its CPU times have 10 ms resolution.
 */
export function parseGnuTime(text: string): Rusage | undefined {
  const line = text
    .split('\n')
    .reverse()
    .find((l) => l.startsWith('TP-RUSAGE '));
  if (!line) return undefined;
  const [, , user, sys, rssKiB] = line.trim().split(/\s+/).map(Number);
  if (![user, sys, rssKiB].every((v) => Number.isFinite(v))) return undefined;
  return {
    cpuUserNs: Math.round(user! * 1e9),
    cpuSystemNs: Math.round(sys! * 1e9),
    peakRssBytes: rssKiB! * 1024,
  };
}
