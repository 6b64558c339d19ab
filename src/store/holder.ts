/** Who holds a lock or a temporary directory: enough to tell, on this host, that it has died. */
import { hostname } from 'node:os';

export interface Holder {
  pid: number;
  host: string;
  /** ISO 8601 time the holder took it. */
  started: string;
}

export function thisHolder(): Holder {
  return { pid: process.pid, host: hostname(), started: new Date().toISOString() };
}

/** True only when `pid` certainly is no process on this host (signal 0 says ESRCH). */
export function pidIsDead(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH'; // EPERM: alive, someone else's
  }
}

/** A holder that ran on this host and has exited; false for other hosts (their pids mean nothing here). */
export function holderIsDead(h: Holder | undefined): boolean {
  return h !== undefined && h.host === hostname() && pidIsDead(h.pid);
}

/** The holder in a lock file's text; undefined for text of another shape (an older lock, a torn write). */
export function parseHolder(text: string): Holder | undefined {
  try {
    const h = JSON.parse(text) as Partial<Holder>;
    return typeof h.pid === 'number' && typeof h.host === 'string' && typeof h.started === 'string' ? (h as Holder) : undefined;
  } catch {
    return undefined;
  }
}
