/**
 * A/B in shards, as processes: three shard jobs of the built action in mode ab each pair base and
 * head of their share in their own job, and the merge job's one comment and report equal an
 * unsharded A/B job's on the same data (the same pairs, the same verdicts); the built CLI's
 * `ab --shard` and `merge` give the same report.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pullRequestEvent, runBuiltAction, type ActionRun } from '../helpers/action-process.js';
import { cli } from '../helpers/cli-process.js';
import { hasGit, tempRepo } from '../helpers/git-repo.js';
import { TOKENS } from '../helpers/github-server.js';
import { botComments as commentsOf, useGitHubServer } from '../helpers/github-server-hooks.js';
import type { Report, RunFile } from '../../src/model/index.js';

if (!hasGit) console.warn('skipping the A/B shard tests: install git (apt-get install git)');

const WHOLE = ['alpha', 'beta', 'gamma', 'delta', 'epsilon'];
const ROUNDS = 4;

/**
 * An import suite's producer, deterministic by round: `node gen.mjs SUITE` prints the suite's
 * custom JSON for the next round of this tree (counted in $TP_COUNTER_DIR, one counter per suite
 * and tree), so every job that measures a suite sees the same values round by round.
 */
const GEN = `
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
const suite = process.argv[2];
const { tag, slow } = JSON.parse(readFileSync('factors.json', 'utf8'));
const counter = join(process.env.TP_COUNTER_DIR, suite + '-' + tag);
const round = existsSync(counter) ? Number(readFileSync(counter, 'utf8')) + 1 : 0;
writeFileSync(counter, String(round));
const names = suite === 'big' ? Array.from({ length: 12 }, (_, i) => 'case-' + i) : ['one', 'two'];
const benchmarks = names.map((name, k) => {
  const ms = (5 + k + suite.length) * (slow[suite + '/' + name] ?? 1) * (1 + 0.004 * (((round * 7 + k * 3 + (tag === 'head' ? 2 : 0)) % 5) - 2));
  return { name, unit: 'ms', direction: 'smaller', samples: [ms, ms * 1.001, ms * 0.999] };
});
console.log(JSON.stringify({ benchmarks }));
`;

function repoWithTwoCommits(): { repo: string; baseSha: string; headSha: string } {
  const { repo, git, commit } = tempRepo();
  const suite = (name: string) => ({
    name,
    import: `out/${name}.json`,
    format: 'custom',
    run: `mkdir -p out && node gen.mjs ${name} > out/${name}.json`,
  });
  commit(
    {
      'performance-tracker.json': JSON.stringify({ suites: [...WHOLE.map(suite), { ...suite('big'), split: true }] }),
      'gen.mjs': GEN,
      'factors.json': JSON.stringify({ tag: 'base', slow: {} }),
      '.gitignore': 'out/\n.out/\n',
    },
    'base',
  );
  const baseSha = git('rev-parse', 'HEAD');
  commit({ 'factors.json': JSON.stringify({ tag: 'head', slow: { 'big/case-7': 1.3 } }) }, 'head: big/case-7 is 30% slower');
  return { repo, baseSha, headSha: git('rev-parse', 'HEAD') };
}

const github = useGitHubServer();

const botComments = (issue: number) => commentsOf(github(), issue);
const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;
/** A report without the moments its runs were made at (the only thing two jobs on the same data cannot share). */
const untimed = (r: Report): Report => ({
  ...r,
  ...(r.current && { current: { ...r.current, timestamp: undefined } }),
  ...(r.baseline && { baseline: { ...r.baseline, timestamp: undefined } }),
});
/** The comment with the sentence saying where the pairs were interleaved ("in this job", "in each of the 3 shard jobs") blanked. */
const unplaced = (body: string): string => body.replace(/interleaved in (this job|each of the \d+ shard jobs)/, 'interleaved …');

// Ten processes of the built action and CLI, each running 48 producer processes: slow on a loaded 2-core machine.
describe.skipIf(!hasGit)('A/B in shards, merged into one paired verdict', { timeout: 240_000 }, () => {
  const { repo, baseSha, headSha } = repoWithTwoCommits();
  const job = (pr: number, inputs: Record<string, string>): Promise<ActionRun> =>
    runBuiltAction({
      workspace: repo,
      eventName: 'pull_request',
      event: pullRequestEvent(pr),
      ref: `refs/pull/${pr}/merge`,
      sha: headSha,
      inputs: { token: TOKENS.actions, 'ab-base': baseSha, 'ab-rounds': String(ROUNDS), ...inputs },
      // Each job is a fresh runner: its own round counters.
      env: { GITHUB_API_URL: github().url, GITHUB_RUN_ATTEMPT: '1', TP_COUNTER_DIR: mkdtempSync(join(tmpdir(), 'tp-counter-')) },
    });

  it('three shard jobs of the built action and a merge give the unsharded A/B report and comment', async () => {
    const whole = await job(801, { mode: 'ab' });
    expect(whole.code, whole.stdout + whole.stderr).toBe(1);
    expect(whole.outputs.regressions).toBe('1');
    const wholeReport = readJson<Report>(whole.outputs.report!);
    expect(wholeReport.design).toBe('paired');

    const dir = mkdtempSync(join(tmpdir(), 'tp-ab-downloaded-'));
    const shares: string[][] = [];
    for (const i of [1, 2, 3]) {
      const r = await job(802, { mode: 'ab', shard: `${i}/3` });
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).toContain(`Shard ${i} of 3: measured`);
      const file = r.outputs['run-file']!;
      expect(file).toMatch(new RegExp(`shard-${i}-of-3\\.json$`));
      const shard = readJson<RunFile>(file).shard!;
      expect(shard).toMatchObject({ index: i, count: 3, runId: '42', attempt: 1, ab: { baseCommit: baseSha } });
      // The pairs stayed in this job: every round of both sides, each of this shard's share only.
      expect(shard.ab!.base).toHaveLength(ROUNDS);
      expect(shard.ab!.head).toHaveLength(ROUNDS);
      shares.push(shard.ab!.head[0]!.benchmarks.map((b) => b.id));
      expect(shard.ab!.base.map((run) => run.benchmarks.map((b) => b.id))).toEqual(Array(ROUNDS).fill(shares[i - 1]));
      mkdirSync(join(dir, `perf-ab-shard-${i}`));
      copyFileSync(file, join(dir, `perf-ab-shard-${i}`, `shard-${i}-of-3.json`));
    }
    for (const s of shares) expect(s.length).toBeGreaterThan(0);
    expect(shares.flat().sort()).toEqual(wholeReport.benchmarks.map((b) => b.id).sort());
    expect(botComments(802)).toHaveLength(0); // shard jobs never comment

    const merge = await job(802, { mode: 'merge', shards: dir });
    expect(merge.code, merge.stdout + merge.stderr).toBe(1);
    expect(merge.stdout).toContain('The shards are A/B shards');
    expect(merge.outputs.verdict).toBe(whole.outputs.verdict);
    expect(merge.outputs.regressions).toBe('1');
    expect(untimed(readJson<Report>(merge.outputs.report!))).toEqual(untimed(wholeReport));
    expect(botComments(802)).toHaveLength(1);
    const body = botComments(802)[0]!.body;
    expect(body).toContain(
      `${ROUNDS} pairs of runs of the base ${baseSha.slice(0, 7)} and this commit, interleaved in each of the 3 shard jobs`,
    );
    expect(unplaced(body)).toBe(unplaced(botComments(801)[0]!.body));
    expect(body).toMatch(/\| big › case-7 \| \+\d+/);

    // A missing A/B shard fails the merge naming it, and nothing is commented.
    const partial = mkdtempSync(join(tmpdir(), 'tp-ab-partial-'));
    for (const i of [1, 3]) copyFileSync(join(dir, `perf-ab-shard-${i}`, `shard-${i}-of-3.json`), join(partial, `shard-${i}-of-3.json`));
    const missing = await job(803, { mode: 'merge', shards: partial });
    expect(missing.code).toBe(1);
    expect(missing.stdout).toMatch(/::error::Shard 2 of 3 is missing/);
    expect(botComments(803)).toHaveLength(0);
  });

  it('the built CLI: ab --shard on three machines, then merge, prints the unsharded ab report', async () => {
    const env = () => ({ TP_COUNTER_DIR: mkdtempSync(join(tmpdir(), 'tp-counter-')), GITHUB_RUN_ID: '9', GITHUB_RUN_ATTEMPT: '1' });
    const whole = await cli(['ab', '--base', baseSha, '--rounds', String(ROUNDS), '--json', '--out', '.out/whole'], repo, env());
    expect(whole.code, whole.stderr).toBe(1);
    for (const i of [1, 2, 3]) {
      const r = await cli(['ab', '--base', baseSha, '--rounds', String(ROUNDS), '--shard', `${i}/3`, '--out', '.out/shards'], repo, env());
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(
        new RegExp(`Shard ${i} of 3: \\d+ benchmark\\(s\\) in ${ROUNDS} A/B round\\(s\\) against the base ${baseSha.slice(0, 7)}`),
      );
    }
    const merged = await cli(['merge', '.out/shards', '--out', '.out/run.json', '--json'], repo);
    expect(merged.code, merged.stderr).toBe(1);
    expect(untimed(JSON.parse(merged.stdout) as Report)).toEqual(untimed(JSON.parse(whole.stdout) as Report));
    const run = readJson<RunFile>(join(repo, '.out/run.json'));
    expect(run.shards).toMatchObject({ count: 3, missing: [], ab: { baseCommit: baseSha } });
    expect(run.shards!.ab!.head).toHaveLength(ROUNDS);
  });
});
