/**
 * A history too big to be one JavaScript string (V8's limit, ~512 MiB) can be neither read nor
 * written whole. These turn that RangeError into a StoreError that gives the size and what to do;
 * nothing is written after it.
 */
import { constants } from 'node:buffer';
import { StoreError } from '../model/errors.js';

const ADVICE =
  'Nothing was written. Keep less per branch: a shorter retention (fewer runs: recent, dailyDays, weeklyWeeks), fewer runs with raw samples (raw), or fewer benchmarks.';

/** V8's `ERR_STRING_TOO_LONG` / "Invalid string length". */
export function isTooLong(e: unknown): boolean {
  return (
    (e as NodeJS.ErrnoException | undefined)?.code === 'ERR_STRING_TOO_LONG' ||
    (e instanceof RangeError && /Invalid string length/i.test(e.message))
  );
}

/** The StoreError for `what` (e.g. "History file x") of `size`, beyond the string limit. */
export function tooLongError(what: string, size: string, file?: string): StoreError {
  const mib = (constants.MAX_STRING_LENGTH / 2 ** 20).toFixed(0);
  return new StoreError(
    `${what} is too big to handle as one text (${size}; this Node.js holds at most ${mib} Mi characters in one string). ${ADVICE}`,
    file,
  );
}

/** `fn()`, with a too-long-string error turned into `tooLongError(what, size())`. */
export function withinStringLimit<T>(fn: () => T, what: string, size: () => string, file?: string): T {
  try {
    return fn();
  } catch (e) {
    if (isTooLong(e)) throw tooLongError(what, size(), file);
    throw e;
  }
}

export function mib(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MiB`;
}
