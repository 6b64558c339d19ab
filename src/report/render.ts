/**
 * The markdown report: the PR comment and the job summary. Pure (data in, markdown out), so it
 * is golden-tested. Over budget, it degrades in a fixed order: rows of the folded full table
 * go first (unchanged results before telling ones), then warnings and errors, then scaling sweeps, then targets,
 * and regressions last; every cut leaves a note saying what was folded away.
 */
import type { BenchmarkComparison, BenchmarkVerdict, Report } from '../model/index.js';
import { benchmarkPermalink } from './dashboard-link.js';
import { marker } from './escape.js';
import { ciLabel, type Audience } from './words.js';
import { scalingSection } from './scaling.js';
import {
  designLine,
  detailsSection,
  headline,
  notesBlock,
  problemsSection,
  regressionsSection,
  settlingSection,
  targetsSection,
} from './sections.js';

/** What the caller knows beyond the report. */
export interface RenderContext {
  /** Hidden marker id, e.g. `track-performance` (the `comment-id` input). */
  markerId: string;
  /** Link to the workflow run. */
  runUrl?: string;
  /** The published dashboard (dashboard-link.ts): linked in the footer, and each regression's trend links to its chart there. */
  dashboardUrl?: string;
  /** Shown near the top, e.g. "Baseline recorded on another machine (…)". */
  notes?: string[];
  /** Character budget; default {@link DEFAULT_MAX_LENGTH}, under GitHub's 65,536. */
  maxLength?: number;
  /**
   * `comment` (default): the public PR comment, where GitHub masks no secret, so a failing
   * command shows only its exit code and first error line; `summary`: the job summary (or a
   * local terminal), with the command's stderr in a fenced block.
   */
  audience?: Audience;
}

/** Default budget: GitHub rejects comment bodies over 65,536 characters with a 422. */
export const DEFAULT_MAX_LENGTH = 60_000;

const DETAIL_ORDER: BenchmarkVerdict[] = ['regression', 'error', 'improvement', 'inconclusive', 'new', 'missing', 'unchanged'];

interface Limits {
  regressions: number;
  targets: number;
  scaling: number;
  problems: number;
  details: number;
}

/** Only http(s) links, with the characters that could end a markdown link encoded. */
function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
    return u.href.replace(/[()<>\s"'`[\]]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  } catch {
    return undefined;
  }
}

function footer(report: Report, ctx: RenderContext, folded: boolean): string {
  const links: string[] = [];
  const run = safeUrl(ctx.runUrl);
  const dash = safeUrl(ctx.dashboardUrl);
  if (run) links.push(`[workflow run](${run})`);
  if (dash) links.push(`[dashboard](${dash})`);
  const fold = folded
    ? `Some rows were folded away to stay under GitHub's 65,536-character limit; the JSON report (the action's \`report\` output) has all ${report.benchmarks.length} results.`
    : '';
  const parts = [links.join(' · '), fold].filter(Boolean);
  return parts.length ? `<sub>${parts.join(' · ')}</sub>` : '';
}

function compose(report: Report, ctx: RenderContext, regressions: BenchmarkComparison[], all: BenchmarkComparison[], l: Limits): string {
  const folded =
    l.regressions < regressions.length ||
    l.targets < report.targets.length ||
    l.scaling < (report.scaling?.length ?? 0) ||
    l.problems < Math.max(report.warnings.length, report.errors.length) ||
    l.details < all.length;
  const ci = ciLabel(report);
  const dash = safeUrl(ctx.dashboardUrl);
  const chartUrl = dash ? (id: string) => safeUrl(benchmarkPermalink(dash, id))! : undefined;
  return [
    marker(ctx.markerId),
    headline(report),
    designLine(report),
    notesBlock(ctx.notes ?? [], report),
    regressionsSection(regressions, l.regressions, ci, chartUrl),
    settlingSection(all),
    targetsSection(report.targets, l.targets),
    scalingSection(report.scaling ?? [], l.scaling),
    problemsSection(report, l.problems, ctx.audience),
    detailsSection(all, l.details, ci),
    footer(report, ctx, folded),
  ]
    .filter(Boolean)
    .join('\n\n')
    .concat('\n');
}

function sameLimits(a: Limits, b: Limits): boolean {
  return (
    a.details === b.details &&
    a.problems === b.problems &&
    a.scaling === b.scaling &&
    a.targets === b.targets &&
    a.regressions === b.regressions
  );
}

/** The largest n in [0, max] for which fits(n) holds, given fits is monotone and fits(0). */
function largest(max: number, fits: (n: number) => boolean): number {
  let lo = 0;
  let hi = max;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Renders the report as GitHub markdown: a hidden marker, the verdict and counts, the design and
 * method, notes, regressions with change, CI and trend, targets and thresholds, warnings and
 * run errors, all results folded in `<details>`, and links. Every name and message is escaped.
 * The result is at most `ctx.maxLength` characters (default {@link DEFAULT_MAX_LENGTH}).
 */
export function renderMarkdown(report: Report, ctx: RenderContext): string {
  const max = ctx.maxLength ?? DEFAULT_MAX_LENGTH;
  const regressions = report.benchmarks.filter((b) => b.verdict === 'regression');
  const all = [...report.benchmarks].sort((a, b) => DETAIL_ORDER.indexOf(a.verdict) - DETAIL_ORDER.indexOf(b.verdict));
  const limits: Limits = {
    regressions: regressions.length,
    targets: report.targets.length,
    scaling: report.scaling?.length ?? 0,
    problems: Math.max(report.warnings.length, report.errors.length),
    details: all.length,
  };
  // The last body composed is kept: when the whole report fits, the first try is the answer.
  let last: { limits: Limits; body: string } | undefined;
  const fits = (l: Limits): boolean => {
    last = { limits: { ...l }, body: compose(report, ctx, regressions, all, l) };
    return last.body.length <= max;
  };
  // Shrink one section at a time, lowest priority first, each to the most rows that still fit.
  for (const key of ['details', 'problems', 'scaling', 'targets', 'regressions'] as const) {
    if (fits(limits)) break;
    limits[key] = largest(limits[key], (n) => fits({ ...limits, [key]: n }));
  }
  const body = last && sameLimits(last.limits, limits) ? last.body : compose(report, ctx, regressions, all, limits);
  if (body.length <= max) return body;
  // Only the notes and headline are left and they are still too long: cut, keeping the marker.
  const cut = "\n\n<sub>… cut to fit GitHub's comment limit.</sub>\n";
  return body.slice(0, Math.max(0, max - cut.length)).replace(/[^\n]*$/, '') + cut;
}
