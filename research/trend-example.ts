/**
 * The README's trend example, made by the real parts: writes a synthetic 60-run history of the
 * default branch (docs/examples/trend-history/, seeded: the same files every time), runs the built
 * CLI (`node dist/cli.js trend --baseline … --config … --markdown`, then `--json`) on it as a
 * process, and renders the issue the action would open for `parse`'s regression change point
 * with the action's own issue renderer (report/trend-issue.ts). Outputs, committed:
 *   docs/examples/trend-report.md — what `trend --markdown` printed;
 *   docs/examples/trend-issue.md  — the title and body of the issue for `parse`'s change point.
 * The history: `parse` 12% slower with peak memory 30% higher at run 38, its instruction count
 * (exact) 8% higher with it, then up 2% for four runs from run 46 and back (a temporary bump: two
 * change points; the middle run of a 3-run bump would be an anomaly), one
 * `render` run on a noisy neighbour (an anomaly), and `convert` drifting +0.6% a run towards its
 * budget (`median <= 35s`, docs/examples/trend-config.json). Every run also lands on a runner 6%
 * faster or slower than the typical one (the same for its five timed commands, its own draws:
 * research/corpus's workloads share 70–98% of their run-to-run noise that way), which the
 * analysis takes out and reports as the runner level.
 *
 * Usage: npm run build && npm run docs:trend-example
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import type { BenchmarkResult, RunFile } from '../src/model/index.js';
import { summarize } from '../src/model/summarize.js';
import { changePointIssueBody, changePointIssueTitle } from '../src/report/trend-issue.js';
import { changePointIssues } from '../src/trend/issue-plan.js';
import { runsHistory } from '../src/trend/series.js';
import type { TrendReport } from '../src/trend/types.js';
import { rng } from './corpus/simulate.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const examples = join(root, 'docs', 'examples');
const historyDir = join(examples, 'trend-history');
const config = join(examples, 'trend-config.json');
const RUNS = 60;
const MIN_EFFECT = 0.05;
const rand = rng(16);
/** The runner's level of each run (log space), drawn apart so the benchmarks' draws stay as they were. */
const runnerRand = rng(17);
const runner = Array.from({ length: RUNS }, () => 0.06 * Math.sqrt(-2 * Math.log(1 - runnerRand())) * Math.cos(2 * Math.PI * runnerRand()));
/** A standard normal draw (Box–Muller). */
const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
/** `n` samples around `centre` with relative spread `sd`. */
const samples = (centre: number, sd: number, n = 10) => Array.from({ length: n }, () => Math.round(centre * Math.exp(sd * gauss())));

function bench(name: string, unit: string, centre: number, runNoise: number, extra?: BenchmarkResult['metrics']): BenchmarkResult {
  const s = samples(centre * Math.exp(runNoise * gauss()), 0.01);
  const stats = summarize(s);
  return {
    id: `cli/${name}`,
    suite: 'cli',
    name,
    unit,
    direction: 'smaller',
    value: stats.median,
    samples: s,
    stats,
    ...(extra ? { metrics: extra } : {}),
  };
}

function run(i: number): RunFile {
  const MiB = 2 ** 20;
  const slow = Math.exp(runner[i] as number);
  const parseStep = i >= 38 ? 1.12 : 1;
  const rss = 59 * MiB * (i >= 38 ? 1.3 : 1) * Math.exp(0.01 * gauss());
  const instructions = Math.round(4.2e9 * (i >= 38 ? 1.08 : 1) * (i >= 46 && i < 50 ? 1.02 : 1));
  const neighbour = i === 27 ? 1.9 : 1;
  return {
    schemaVersion: 1,
    tool: 'track-performance',
    commit: createHash('sha1').update(`trend-example-${i}`).digest('hex'),
    timestamp: new Date(Date.UTC(2026, 9, 1) + i * 18 * 36e5).toISOString(),
    benchmarks: [
      bench('parse', 'ns', 1.8e6 * parseStep * slow, 0.015, {
        peakRss: { unit: 'B', direction: 'smaller', value: Math.round(rss) },
        instructions: { unit: 'instructions', direction: 'smaller', value: instructions },
      }),
      bench('render', 'ns', 4.1e5 * neighbour * slow, 0.02),
      bench('convert', 'ns', 23e9 * 1.006 ** i * slow, 0.02),
      bench('lex', 'ns', 6.5e5 * slow, 0.015),
      bench('emit', 'ns', 9.2e5 * slow, 0.015),
    ],
  };
}

rmSync(historyDir, { recursive: true, force: true });
mkdirSync(historyDir, { recursive: true });
const runs = Array.from({ length: RUNS }, (_, i) => run(i));
/** Writes `value` as JSON the way the repository's Prettier settings want it (`npm run lint` checks it). */
async function writeJson(file: string, value: unknown): Promise<void> {
  writeFileSync(file, await format(JSON.stringify(value), { ...(await resolveConfig(file)), filepath: file }));
}
for (const [i, r] of runs.entries()) await writeJson(join(historyDir, `run-${String(i).padStart(3, '0')}.json`), r);
await writeJson(
  config,

  {
    suites: [
      {
        name: 'cli',
        command: {
          parse: 'node cli.js parse',
          render: 'node cli.js render',
          convert: 'node cli.js convert',
          lex: 'node cli.js lex',
          emit: 'node cli.js emit',
        },
      },
    ],
    thresholds: [{ benchmark: 'cli/convert', stat: 'median', target: '<= 35s' }],
    trend: { minEffect: MIN_EFFECT },
  },
);

const files = readdirSync(historyDir)
  .sort()
  .flatMap((f) => ['--baseline', relative(root, join(historyDir, f))]);
const trend = (format: string) =>
  execFileSync(process.execPath, ['dist/cli.js', 'trend', ...files, '--config', relative(root, config), '--branch', 'main', format], {
    cwd: root,
    encoding: 'utf8',
  });

const markdown = trend('--markdown');
const made = (what: string) =>
  `<!-- ${what} Made by \`npm run docs:trend-example\` (research/trend-example.ts) from docs/examples/trend-history/; do not edit. -->\n\n`;
writeFileSync(join(examples, 'trend-report.md'), made('Output of `track-performance trend --markdown`.') + markdown);

const report = JSON.parse(trend('--json')) as TrendReport;
const issues = changePointIssues(report, runsHistory(runs), MIN_EFFECT);
const shown = issues.find((i) => i.series.id === 'cli/parse' && !i.series.metric);
if (!shown) throw new Error('the example history gave no change point for cli/parse: nothing to show as an issue');
const body = changePointIssueBody(shown, { branch: 'main' });
writeFileSync(
  join(examples, 'trend-issue.md'),
  `${made("The issue the action opens on a push for cli/parse's change point.")}**${changePointIssueTitle(shown)}**\n\n${body}\n`,
);
console.log(
  `wrote ${RUNS} run files, docs/examples/trend-report.md (${markdown.split('\n').length} lines) and trend-issue.md (one of ${issues.length} regression issues)`,
);
