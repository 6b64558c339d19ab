/**
 * How the gh-pages store reacts to a refused push: a lost race is retried after a jittered
 * exponential backoff inside a time budget; a permanent refusal (protected branch, hooks,
 * permissions) is reported at once with the remote's own words.
 */

/** What a failed `git push` means, from its stderr. */
export type PushFailure = 'permanent' | 'race' | 'other';

/** Refusals no retry can fix: branch protection, server hooks, missing permissions. */
const PERMANENT =
  /pre-receive hook declined|GH006|protected branch|permission denied|permission to .* denied|\b403\b|Authentication failed/i;
/** Another job pushed first: refetch and redo on the new tip. */
const RACE = /non-fast-forward|fetch first|cannot lock ref|failed to update ref|stale info|\[rejected\]/i;

export function classifyPush(stderr: string): PushFailure {
  if (PERMANENT.test(stderr)) return 'permanent';
  if (RACE.test(stderr)) return 'race';
  return 'other';
}

/** The remote's own lines (`remote: …`, `! [remote rejected] …`), which say why; else all of stderr. */
export function remoteReason(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^remote:|^!|^error:/.test(l) && l !== 'remote:');
  return (lines.length > 0 ? lines.join('\n') : stderr).trim();
}

export interface Backoff {
  /** First sleep's upper bound, ms. */
  baseMs: number;
  /** Upper bound of any one sleep, ms. */
  capMs: number;
  /** Total time after which no new attempt starts, ms. */
  budgetMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { baseMs: 100, capMs: 2_000, budgetMs: 120_000 };

/**
 * The sleep before retry `attempt` (0-based): "full jitter", uniform in [0, min(cap, base·2^attempt)],
 * which spreads racing writers best (M. Brooker, "Exponential Backoff And Jitter", AWS Architecture
 * Blog, 2015). `random` is injectable for tests.
 */
export function backoffMs(attempt: number, b: Backoff = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  return random() * Math.min(b.capMs, b.baseMs * 2 ** Math.min(attempt, 30));
}
