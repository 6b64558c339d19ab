/**
 * Two commits compared: each one's value with its stored 95% interval (the median's, from the
 * run's raw samples, as the compare room computes it) and the relative change between them. A
 * change, not a verdict: the verdict is the pull request's report, made with the between-run
 * noise; two single runs cannot give one.
 */
import { formatChange, formatValue } from '../../model/format.js';
import type { RunsIndex, Shard } from '../../report/dashboard-types.js';
import { el, table } from './dom.js';
import { commitChange, commitPoint, type CommitPoint } from './series.js';
import type { ViewState } from './state.js';

const NOT_A_VERDICT = 'a change, not a verdict';

function valueText(p: CommitPoint, unit: string): string {
  const ci =
    p.lo !== null && p.hi !== null ? ` [${formatValue(p.lo, unit)} – ${formatValue(p.hi, unit)}]` : ' (no interval: samples not kept)';
  return formatValue(p.value, unit) + ci;
}

/** The two commits' points of the benchmark in `shard`, when the state names two commits. */
export function comparedPoints(shard: Shard, runs: RunsIndex, s: ViewState, defaultBranch: string) {
  if (!s.from || !s.to) return undefined;
  return { from: commitPoint(shard, runs, s.from, defaultBranch), to: commitPoint(shard, runs, s.to, defaultBranch) };
}

/** One line for a card: "aaaaaaa → bbbbbbb: +3.1% (a change, not a verdict) · 1.00 µs [...] → 1.03 µs [...]". */
export function commitsLine(c: NonNullable<ReturnType<typeof comparedPoints>>, s: ViewState, unit: string): string {
  const head = `${s.from.slice(0, 7)} → ${s.to.slice(0, 7)}`;
  if (!c.from || !c.to) return `${head}: ${c.from ? s.to.slice(0, 7) : s.from.slice(0, 7)} has no run of this benchmark`;
  const d = commitChange(c.from, c.to);
  return `${head}: ${d === null ? '—' : formatChange(d)} (${NOT_A_VERDICT}) · ${valueText(c.from, unit)} → ${valueText(c.to, unit)}`;
}

/** The detail's table of the two commits. */
export function commitsTable(c: NonNullable<ReturnType<typeof comparedPoints>>, s: ViewState, unit: string): HTMLElement {
  const row = (sha: string, p: CommitPoint | null) =>
    p
      ? [p.commit.slice(0, 7), p.branch, p.date.slice(0, 16).replace('T', ' '), valueText(p, unit)]
      : [sha.slice(0, 7), '', '', 'no run of this benchmark'];
  const d = commitChange(c.from, c.to);
  const t = table(
    `Commits compared: ${d === null ? 'no change to show' : `${formatChange(d)}, ${NOT_A_VERDICT}`}`,
    ['commit', 'branch', 'date', 'value [95% interval]'],
    [row(s.from, c.from), row(s.to, c.to)],
  );
  t.classList.add('commits');
  return el('div', {}, t);
}

/** The options of the commit pickers: every run with a commit, newest first, the default branch's first. */
export function commitOptions(runs: RunsIndex, branches: string[]): Array<{ value: string; text: string }> {
  const seen = new Set<string>();
  const out: Array<{ value: string; text: string }> = [];
  for (const b of branches)
    for (const [commit, date] of [...(runs[b] ?? [])].reverse()) {
      if (!commit || seen.has(commit)) continue;
      seen.add(commit);
      out.push({ value: commit, text: `${commit.slice(0, 7)} ${date.slice(0, 10)} ${b}` });
    }
  return out;
}
