/**
 * The sentences the renderers share: the confidence label, what an inconclusive run could not
 * see, a benchmark's note built from its fields, and a failing command's message split into
 * its first line and its stderr. Plain text out; the caller escapes for its medium.
 */
import { blindSpot } from '../compare/gate.js';
import type { BenchmarkComparison, Report } from '../model/index.js';
import { cutAtWord, plainBlock } from './escape.js';
import { formatChange } from '../model/format.js';

/** Who reads the markdown: the PR comment (public, GitHub masks no secret there) or the job summary and log. */
export type Audience = 'comment' | 'summary';

/** Beyond this many pairs the hint gives up on rounds: the noise, not their number, is the problem. */
export const MAX_PAIRS_HINT = 100;

const pct = (x: number): string => formatChange(x).replace('+', '');
const pct2 = (x: number): string => `${+(x * 100).toPrecision(2)}%`;

/** `Baseline: 3 runs of main from Actions cache`: where the baseline came from. */
export function baselineFrom(b: NonNullable<Report['baseline']>): string {
  const runs = `${b.runs} run${b.runs === 1 ? '' : 's'}`;
  return b.branch ? `Baseline: ${runs} of ${b.branch} from ${b.from}` : `Baseline: ${runs} from ${b.from}`;
}

/** `98% CI`: the level every interval of the report was computed at. */
export function ciLabel(report: Pick<Report, 'confidence'>): string {
  const c = report.confidence;
  return typeof c === 'number' && c > 0 && c < 1 ? `${+(c * 100).toFixed(1)}% CI` : 'CI';
}

/**
 * `this run could see changes ≥ 13% (median 24%); use A/B mode or instruction counts to see
 * smaller ones`, or '' when every benchmark was decided.
 */
export function blindSpotSentence(report: Pick<Report, 'benchmarks' | 'design'>): string {
  const s = blindSpot(report);
  if (s.inconclusive === 0) return '';
  const median = s.inconclusive > 1 ? ` (median ${pct2(s.median!)})` : '';
  const see =
    s.least !== undefined ? `this run could see changes ≥ ${pct2(s.least)}${median}` : 'these could not be decided (see the notes)';
  const how =
    report.design === 'paired'
      ? 'more A/B rounds (the notes say how many) or instruction counts would see smaller ones'
      : 'use A/B mode or instruction counts to see smaller ones';
  return `${see}; ${how}.`;
}

function sentence(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}

/** The pairs hint of a paired benchmark, from its fields. */
function pairsHint(b: BenchmarkComparison): string | undefined {
  if (b.pairsToDetect === undefined || b.minEffect === undefined) return undefined;
  return b.pairsToDetect > MAX_PAIRS_HINT
    ? `Even ${MAX_PAIRS_HINT} pairs (A/B rounds) would not detect ${pct(b.minEffect)}: this benchmark is too noisy on this runner.`
    : `About ${b.pairsToDetect} pairs (A/B rounds) would detect ${pct(b.minEffect)}.`;
}

/** A benchmark's note — reason, detectable change, pairs hint, warnings — whole and cut at a word to `max`. */
export function noteText(b: BenchmarkComparison, max: number): { short: string; full: string } {
  const parts: string[] = [];
  if (b.reason) parts.push(sentence(b.reason));
  if (b.minDetectableEffect !== undefined && !b.exact && (b.verdict === 'inconclusive' || b.verdict === 'unchanged'))
    parts.push(`Could detect ≥ ${pct(b.minDetectableEffect)}.`);
  const pairs = pairsHint(b);
  if (pairs) parts.push(pairs);
  for (const w of b.warnings) parts.push(`⚠️ ${w}`);
  const full = parts.join(' ');
  return { short: cutAtWord(full, max), full };
}

/** A run error's first line (what failed, the exit code) and the rest (the stderr it ended with), dedented. */
export function splitError(message: string): { head: string; detail: string } {
  const [head = '', ...rest] = message.split('\n');
  const lines = rest.filter((l, i) => l.trim() || i > 0);
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  const detail = lines
    .map((l) => l.slice(Number.isFinite(indent) ? indent : 0))
    .join('\n')
    .replace(/\s+$/, '');
  return { head: head.trim(), detail };
}

const ERROR_LINE = /error|fail|fatal|denied|not found|cannot|can't|exception|panic|abort/i;

/** The first line of stderr that looks like an error, else its first non-blank line. */
export function firstErrorLine(detail: string): string {
  const lines = detail
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.find((l) => ERROR_LINE.test(l)) ?? lines[0] ?? '';
}

/** A fence longer than any run of backticks in the text, so the text cannot close it. */
function fence(text: string): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  return '`'.repeat(longest + 1);
}

/**
 * The stderr part of an error in a markdown list item: for the job summary a fenced block (its
 * last 60 lines), for the PR comment only its first error line, escaped by `escape`.
 */
export function errorLines(detail: string, audience: Audience, escape: (s: string, max: number) => string): string {
  if (!detail) return '';
  if (audience === 'comment') {
    const line = firstErrorLine(detail);
    return line ? ` — ${escape(line, 200)} <sub>(the whole stderr is in the job summary)</sub>` : '';
  }
  const body = plainBlock(detail.split('\n').slice(-60).join('\n'), 6000);
  const f = fence(body);
  return `\n\n  ${f}text\n${body
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n')}\n  ${f}`;
}
