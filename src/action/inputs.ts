import { ConfigError } from '../model/errors.js';
import { DEFAULT_MARKER_ID } from '../report/index.js';
import { DEFAULT_CONFIG_FILE } from '../config/index.js';
import { DEFAULT_HISTORY } from '../flows/baseline-file.js';
import { FAIL_ON_LEVELS, type FailOn } from '../compare/gate.js';
import { MODES, type Mode } from '../flows/mode.js';
import { parseShard, variantLabel, type ShardSpec } from '../model/index.js';
import { DEFAULT_REPORT_PERIOD, periodMs } from '../flows/period-report.js';

/** The action's inputs, validated. Names match action.yml. */
export interface ActionInputs {
  config: string;
  token: string;
  /** `cache`, `gh-pages`, or a path: a directory store, or run files and history files (comma-separated). */
  baseline: string;
  failOn: FailOn;
  comment: boolean;
  commentId: string;
  mode: Mode | 'auto';
  reportFile: string;
  ghPagesBranch: string;
  dataDir: string;
  /** With the gh-pages store: publish the dashboard beside the history on each recorded push. */
  dashboard: boolean;
  dashboardDir: string;
  /** The dashboard's address for the comment's links ('' = derived from the repository when the dashboard is published). */
  dashboardUrl: string;
  history: number;
  abBase: string;
  abSetup: string;
  abRounds: number;
  abTimeBudget: number;
  /** mode shard (or ab): this job's share (`shard: "i/n"`). */
  shard?: ShardSpec;
  /** The matrix label added to every benchmark id (`variant`). */
  variant?: string;
  /** mode merge: files or directories of the shard jobs' run files (comma or newline separated). */
  shards: string[];
  allowPartial: boolean;
  /** mode shard: plan by hash alone, or balance by the measuring times of the baseline's newest run. */
  shardBalance: 'hash' | 'history';
  /** mode report: the period, e.g. `7d`. */
  reportPeriod: string;
  /** Chat and webhook URLs by channel name (`NAME=URL` lines); secrets, never logged. */
  notifyUrls: Record<string, string>;
}

function httpUrl(name: string, value: string): string {
  if (value && !/^https?:\/\/[^\s/]+/.test(value))
    throw new ConfigError(
      `Input '${name}' must be an http(s) address such as https://example.org/dashboard/; found '${value}'.`,
      undefined,
      name,
    );
  return value;
}

function validPeriod(text: string): string {
  periodMs(text, "Input 'report-period'");
  return text;
}

/**
 * The `notify-urls` input: one `NAME=URL` per line (blank lines ignored). A bad line is named by
 * its number only, since its text is a secret.
 */
export function parseNotifyUrls(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const m = /^\s*([A-Za-z0-9._-]+)\s*=\s*(\S+)\s*$/.exec(line);
    if (!m)
      throw new ConfigError(
        `Input 'notify-urls', line ${i + 1}: expected NAME=URL (a channel's name, '=', its URL from a secret); the line is not shown, since it may hold a secret.`,
        undefined,
        'notify-urls',
      );
    out[m[1]!] = m[2]!;
  });
  return out;
}

/**
 * `name` when it is a valid branch name by git's rules (`git check-ref-format --branch`):
 * no `..`, `@{`, control characters, spaces or any of `~^:?*[\`; no component that starts with
 * `.` or ends with `.lock`; not `@`, and no leading `-` or `/`, trailing `/` or `.`, or `//`.
 */
export function branchName(input: string, name: string): string {
  const bad =
    // eslint-disable-next-line no-control-regex -- git refuses control characters in ref names
    /\.\.|@\{|[\x00-\x20\x7f~^:?*[\\]|\/\/|^[-/]|[/.]$/.test(name) ||
    name === '' ||
    name === '@' ||
    name.split('/').some((c) => c.startsWith('.') || c.endsWith('.lock'));
  if (bad)
    throw new ConfigError(
      `Input '${input}' must be a valid git branch name (as \`git check-ref-format --branch\` accepts); found '${name}'.`,
      undefined,
      input,
    );
  return name;
}

/** Reads and checks the inputs through `get` (core.getInput in the action). Pure. */
export function parseInputs(get: (name: string) => string): ActionInputs {
  const text = (name: string, fallback: string): string => get(name).trim() || fallback;
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const v = text(name, fallback);
    if (!(allowed as readonly string[]).includes(v))
      throw new ConfigError(`Input '${name}' must be one of ${allowed.join(', ')}; found '${v}'.`, undefined, name);
    return v as T;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const v = text(name, String(fallback)).toLowerCase();
    if (['true', 'yes', '1', 'on'].includes(v)) return true;
    if (['false', 'no', '0', 'off'].includes(v)) return false;
    throw new ConfigError(`Input '${name}' must be true or false; found '${v}'.`, undefined, name);
  };
  const count = (name: string, fallback: number, min: number): number => {
    const raw = text(name, String(fallback));
    const v = Number(raw);
    if (!Number.isInteger(v) || v < min)
      throw new ConfigError(`Input '${name}' must be a whole number ≥ ${min}; found '${raw}'.`, undefined, name);
    return v;
  };
  const mode = oneOf('mode', MODES, 'auto');
  const shard = text('shard', '');
  const shards = text('shards', '')
    .split(/[,\n]/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (mode === 'shard' && !shard)
    throw new ConfigError(
      "Input 'mode' is 'shard': set the 'shard' input to this job's share, e.g. '${{ matrix.shard }}/3'.",
      undefined,
      'shard',
    );
  if (shard && mode !== 'shard' && mode !== 'ab')
    throw new ConfigError(
      `Input 'shard' is set, but 'mode' is '${mode}': a shard job sets mode: shard, or mode: ab for A/B pairs (it measures and uploads; a merge job compares).`,
      undefined,
      'mode',
    );
  if (mode === 'merge' && !shards.length)
    throw new ConfigError(
      "Input 'mode' is 'merge': set the 'shards' input to the directory the shard jobs' artifacts were downloaded to.",
      undefined,
      'shards',
    );
  return {
    config: text('config', DEFAULT_CONFIG_FILE),
    token: get('token').trim(),
    baseline: text('baseline', 'cache'),
    failOn: oneOf('fail-on', FAIL_ON_LEVELS, 'regression'),
    comment: bool('comment', true),
    commentId: text('comment-id', DEFAULT_MARKER_ID),
    mode,
    reportFile: text('report-file', ''),
    ghPagesBranch: branchName('gh-pages-branch', text('gh-pages-branch', 'gh-pages')),
    dataDir: text('data-dir', 'benchmarks'),
    dashboard: bool('dashboard', true),
    dashboardDir: text('dashboard-dir', 'dashboard'),
    dashboardUrl: httpUrl('dashboard-url', text('dashboard-url', '')),
    history: count('history', DEFAULT_HISTORY, 1),
    abBase: text('ab-base', ''),
    abSetup: text('ab-setup', ''),
    abRounds: count('ab-rounds', 5, 1),
    abTimeBudget: count('ab-time-budget', 0, 0),
    ...(shard && { shard: parseShard(shard, "Input 'shard'") }),
    ...(text('variant', '') && { variant: variantLabel(text('variant', ''), "Input 'variant'") }),
    shards,
    allowPartial: bool('allow-partial', false),
    shardBalance: oneOf('shard-balance', ['hash', 'history'] as const, 'hash'),
    reportPeriod: validPeriod(text('report-period', DEFAULT_REPORT_PERIOD)),
    notifyUrls: parseNotifyUrls(get('notify-urls')),
  };
}
