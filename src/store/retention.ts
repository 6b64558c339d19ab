/**
 * Retention keeps a history bounded after years of commits: the newest runs whole, older ones
 * as summaries, the oldest thinned to one per day and then one per week. Ages count back from
 * the newest run (not from the clock), so the result depends on the data alone.
 */
import { summarizeBefore, selectEntries, type HistoryDoc } from './history.js';

export interface Retention {
  /** Newest runs that keep their raw samples (default 10, the history `compare` uses by default). */
  raw?: number;
  /** Newest runs kept whatever their dates, as summaries beyond `raw` (default 50). */
  recent?: number;
  /** Older runs: one per UTC day (the day's last) while younger than this many days (default 60). */
  dailyDays?: number;
  /** Then one per week (the week's last) while younger than this many weeks (default 52); older runs are dropped. */
  weeklyWeeks?: number;
}

export const DEFAULT_RETENTION: Required<Retention> = { raw: 10, recent: 50, dailyDays: 60, weeklyWeeks: 52 };

const DAY = 86_400_000;

/** The most runs a history can hold under `r`. */
export function maxEntries(r: Retention = {}): number {
  const { recent, raw, dailyDays, weeklyWeeks } = { ...DEFAULT_RETENTION, ...r };
  return Math.max(recent, raw) + dailyDays + weeklyWeeks + 1;
}

/**
 * Indexes (ascending) of the runs `r` keeps among runs with these timestamps (ISO 8601, oldest
 * first). Within each day or week bucket the newest run is kept.
 */
export function keptIndexes(timestamps: readonly string[], r: Retention = {}): number[] {
  const { recent, raw, dailyDays, weeklyWeeks } = { ...DEFAULT_RETENTION, ...r };
  const n = timestamps.length;
  const firstRecent = Math.max(0, n - Math.max(recent, raw));
  if (n === 0) return [];
  const times = timestamps.map((t) => Date.parse(t));
  const newest = Math.max(...times.filter((t) => !Number.isNaN(t)), 0);
  const kept: number[] = [];
  let lastBucket: string | undefined;
  // Walk from newest to oldest so that the first run met in a bucket is its newest.
  for (let i = firstRecent - 1; i >= 0; i--) {
    const t = times[i]!;
    if (Number.isNaN(t)) continue;
    const age = newest - t;
    let bucket: string;
    if (age < dailyDays * DAY) bucket = `d${Math.floor(t / DAY)}`;
    else if (age < dailyDays * DAY + weeklyWeeks * 7 * DAY)
      bucket = `w${Math.floor((t / DAY + 3) / 7)}`; // weeks start on Monday
    else break;
    if (bucket !== lastBucket) kept.push(i);
    lastBucket = bucket;
  }
  kept.reverse();
  for (let i = firstRecent; i < n; i++) kept.push(i);
  return kept;
}

/** Applies `r` to `doc`: drops thinned runs, then summarizes all but the newest `raw` runs. Mutates and returns `doc`. */
export function applyRetention(doc: HistoryDoc, r: Retention = {}): HistoryDoc {
  const raw = r.raw ?? DEFAULT_RETENTION.raw;
  selectEntries(
    doc,
    keptIndexes(
      doc.entries.map((e) => e.timestamp),
      r,
    ),
  );
  return summarizeBefore(doc, doc.entries.length - raw);
}
