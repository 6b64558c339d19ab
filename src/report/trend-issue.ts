/**
 * The GitHub issue of one regression change point on the default branch (trend/issue-plan.ts):
 * its title, its body while open, and its body when a later change reversed it. Pure; names and
 * commits come from run files, so they are escaped (`escapeText`, titles `plainText`).
 */
import { escapeText, plainText } from './escape.js';
import { formatChange, formatInterval, formatValue, sig } from '../model/format.js';
import { markedSparkline } from './marked-sparkline.js';
import type { ChangePointIssue } from '../trend/issue-plan.js';
import type { Level, RunRef, TrendChangePoint } from '../trend/types.js';

export interface IssueContext {
  branch: string;
  /** The workflow run that found it. */
  runUrl?: string;
  /** `https://github.com/owner/repo`, for commit and compare links. */
  repoUrl?: string;
}

const short = (r: RunRef) => (r.commit ? r.commit.slice(0, 7) : `run ${r.index + 1}`);
const name = (i: ChangePointIssue) => (i.series.metric ? `${i.series.id} · ${i.series.metric}` : i.series.id);

function range(c: TrendChangePoint, repoUrl: string | undefined): string {
  const text = `${escapeText(short(c.before))}..${escapeText(short(c.after))}`;
  const hex = (r: RunRef) => r.commit && /^[0-9a-f]{7,64}$/i.test(r.commit);
  return repoUrl && hex(c.before) && hex(c.after) ? `[${text}](${repoUrl}/compare/${c.before.commit}...${c.after.commit})` : text;
}

function level(l: Level, unit: ChangePointIssue['series']['unit']): string {
  return `${formatValue(l.value, unit)} ±${(l.spread * 100).toFixed(1)}% (${l.runs} run${l.runs === 1 ? '' : 's'})`;
}

/** The issue's title: plain text (GitHub shows titles unrendered), at most ~120 characters. */
export function changePointIssueTitle(i: ChangePointIssue): string {
  return `Performance: ${plainText(name(i), 80)} ${formatChange(i.change.change)} (${i.change.verdict}) at ${plainText(short(i.change.after))}`;
}

/** The issue's body while the change stands, or closed with the reversal on top. */
export function changePointIssueBody(i: ChangePointIssue, ctx: IssueContext): string {
  const c = i.change;
  const s = i.series;
  const rows = [
    `| Change | **${formatChange(c.change)}** (${c.verdict})${c.ci ? `, 95% CI ${formatInterval(c.ci)}` : ''}, p ${sig(c.pValue)} |`,
    `| Before → after | ${level(c.levels.before, s.unit)} → ${level(c.levels.after, s.unit)} |`,
    `| Commits | ${range(c, ctx.repoUrl)}: the change is in the commits after the first, up to the second |`,
    `| Since | ${c.after.timestamp.slice(0, 10)}, ${c.runsSince} run${c.runsSince === 1 ? '' : 's'} ago |`,
    `| History | \`${markedSparkline(i.values, i.at, 40)}\` (newest ${Math.min(40, i.values.length)} of ${i.values.length} runs; ┊ marks the change) |`,
  ];
  const together = c.together.length
    ? [
        '',
        `Moved in the same commits: ${c.together
          .slice(0, 10)
          .map((t) => `${escapeText(t.metric ? `${t.id} · ${t.metric}` : t.id, 120)} ${formatChange(t.change)}`)
          .join(', ')}${c.together.length > 10 ? ` and ${c.together.length - 10} more` : ''}.`,
      ]
    : [];
  const r = i.reversedBy;
  const head = r
    ? [
        `**Reversed**: a later change point, ${formatChange(r.change)} in ${range(r, ctx.repoUrl)}, brought the level back to ${formatValue(
          r.levels.after.value,
          s.unit,
        )}. Closed by track-performance.`,
        '',
      ]
    : [];
  return [
    ...head,
    `### ${escapeText(name(i), 160)}: ${formatChange(c.change)} (${c.verdict}) on ${escapeText(ctx.branch, 100)}`,
    '',
    '| | |',
    '| :-- | :-- |',
    ...rows,
    ...together,
    '',
    `<sub>Found by track-performance's trend analysis (E-Divisive means with a t-test, Apache Otava's method)${
      ctx.runUrl ? ` in [this run](${ctx.runUrl})` : ''
    }. This issue is updated while the change stands and closed when a later change reverses it.</sub>`,
  ].join('\n');
}
