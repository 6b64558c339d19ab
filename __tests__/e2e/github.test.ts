/**
 * The built action (dist/index.js) as a process, talking to the loopback GitHub REST server:
 * the one PR comment (created, then updated in place past the first page of comments), what a
 * push and a pull request may write, a read-only token, hostile benchmark names, a report too
 * large for one comment, and the workflow_run comment job. Every request the action makes is
 * checked against GitHub's OpenAPI description by the server (`server.invalid`).
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pullRequestEvent, pushEvent, runBuiltAction, type ActionRun } from '../helpers/action-process.js';
import { OCTOCAT, TOKENS, type StoredComment } from '../helpers/github-server.js';
import { botComments as botCommentsOf, useGitHubServer } from '../helpers/github-server-hooks.js';

const OWNER = 'octo-org';
const REPO = 'octo-repo';
const MARKER = '<!-- track-performance:track-performance -->';
const STORE = 'perf-baseline';

// Whatever a test did, the action only ever sent requests GitHub would accept as well-formed (checked after each).
const server = useGitHubServer();

interface Entry {
  name: string;
  unit: string;
  direction: 'smaller' | 'bigger';
  samples: number[];
}

/** Five samples around `ms` milliseconds, with a little deterministic spread. */
function samples(ms: number, seed = 0): number[] {
  return [0, 1, 2, 3, 4].map((i) => ms * (1 + (((i * 7 + seed * 3) % 5) - 2) * 0.004));
}

/** A workspace with one import suite `many` that reads `results.json` in the custom format. */
function importWorkspace(): string {
  const ws = mkdtempSync(join(tmpdir(), 'tp-gh-'));
  writeFileSync(
    join(ws, 'performance-tracker.json'),
    JSON.stringify({ suites: [{ name: 'many', import: 'results.json', format: 'custom' }] }),
  );
  return ws;
}
function writeResults(ws: string, entries: Entry[]): void {
  writeFileSync(join(ws, 'results.json'), JSON.stringify({ benchmarks: entries }));
}
/** `n` benchmarks `bench-0000` …, each taking `ms(i)` milliseconds. */
function entries(n: number, ms: (i: number) => number, seed = 0): Entry[] {
  return Array.from({ length: n }, (_, i) => ({
    name: `bench-${String(i).padStart(4, '0')}`,
    unit: 'ms',
    direction: 'smaller' as const,
    samples: samples(ms(i), seed + i),
  }));
}

/** A workspace with one command suite `cmd` of tiny commands, a few runs each. */
function commandWorkspace(commands: Record<string, string>): string {
  const ws = mkdtempSync(join(tmpdir(), 'tp-gh-'));
  writeFileSync(join(ws, 'performance-tracker.json'), JSON.stringify({ suites: [{ name: 'cmd', command: commands, runs: 3, warmup: 0 }] }));
  return ws;
}

const hex = (c: string): string => c.repeat(40);

function run(
  ws: string,
  event: { name: string; payload: object; ref?: string; sha?: string },
  inputs: Record<string, string> = {},
  token: string = TOKENS.actions,
): Promise<ActionRun> {
  return runBuiltAction({
    workspace: ws,
    eventName: event.name,
    event: event.payload,
    ref: event.ref,
    sha: event.sha,
    inputs: { baseline: STORE, token, ...inputs },
    env: { GITHUB_API_URL: server().url },
  });
}
const push = (sha: string) => ({ name: 'push', payload: pushEvent(), ref: 'refs/heads/main', sha });
const pr = (n: number) => ({ name: 'pull_request', payload: pullRequestEvent(n), ref: `refs/pull/${n}/merge`, sha: hex('b') });

/** Records `count` baseline runs of the workspace's current results, as pushes to main. */
async function recordBaselines(ws: string, count: number, make: (k: number) => Entry[]): Promise<void> {
  for (let k = 0; k < count; k++) {
    writeResults(ws, make(k));
    const r = await run(ws, push(hex(String(k + 1))));
    expect(r.stdout + r.stderr, r.stdout + r.stderr).not.toMatch(/::error::/);
    expect(r.code).toBe(0);
  }
}

const botComments = (issue: number): StoredComment[] => botCommentsOf(server(), issue);
const operations = (id: string): number => server().requests.filter((r) => r.operationId === id).length;
const historyFile = (ws: string): string => join(ws, STORE, 'main.json');
/**
 * The process's output with the runner's `::add-mask::` command taken out. The runner consumes
 * that line (it never reaches the log) and masks the value everywhere after it; anywhere else
 * the token would be printed in clear.
 */
function printed(r: ActionRun, token: string): string {
  const mask = `::add-mask::${token}`;
  expect(r.stdout.split('\n')).toContain(mask);
  return (r.stdout + r.stderr)
    .split('\n')
    .filter((line) => line !== mask)
    .join('\n');
}
const storedRuns = (ws: string): number => (JSON.parse(readFileSync(historyFile(ws), 'utf8')) as { entries: unknown[] }).entries.length;

describe('the built action against a loopback GitHub API', () => {
  it('keeps exactly one comment per PR, found past the first page, and fails a regression unless fail-on is never', async () => {
    const ws = importWorkspace();
    await recordBaselines(ws, 3, (k) => entries(3, (i) => 10 + i, k));

    const issue = 101;
    // 150 comments from others first, so ours lands on the second page of the listing; one of
    // them even carries our marker, and must be left alone (it is not the bot's).
    for (let i = 0; i < 150; i++)
      server().addComment(OWNER, REPO, issue, { body: i === 3 ? `${MARKER}\nquoted by a human` : `comment ${i}`, user: OCTOCAT });
    const created = operations('issues/create-comment');
    const updated = operations('issues/update-comment');

    writeResults(
      ws,
      entries(3, (i) => 10 + i, 7),
    );
    const first = await run(ws, pr(issue));
    expect(first.code, first.stdout).toBe(0);
    expect(first.outputs.verdict).toBe('pass');
    expect(first.stdout).toMatch(/PR comment created: https:\/\/github\.com\/octo-org\/octo-repo\/pull\/101#issuecomment-\d+/);
    expect(botComments(issue)).toHaveLength(1);
    const ours = botComments(issue)[0]!;
    expect(ours.body.startsWith(MARKER)).toBe(true);
    expect(ours.body).toContain('no regression');
    expect(server().comments(OWNER, REPO, issue)).toHaveLength(151);

    // bench-0001 doubles: a regression.
    writeResults(
      ws,
      entries(3, (i) => (i === 1 ? 22 : 10 + i), 8),
    );
    const second = await run(ws, pr(issue));
    expect(second.code).toBe(1);
    expect(second.outputs.verdict).toBe('fail');
    expect(second.outputs.regressions).toBe('1');
    expect(second.stdout).toMatch(/::error::Performance check failed: 1 regression/);
    expect(second.stdout).toContain('PR comment updated');
    expect(botComments(issue)).toHaveLength(1);
    expect(botComments(issue)[0]!.id).toBe(ours.id);
    expect(server().comments(OWNER, REPO, issue)).toHaveLength(151);
    const body = botComments(issue)[0]!.body;
    expect(body).toMatch(/Performance: fail — 1 regression/);
    expect(body).toMatch(/#### Regressions\n\n[^\n]+\n[^\n]+\n\| many › bench-0001 \| \+\d+(\.\d)?% \|/);
    // The human's comment that quotes our marker was never edited.
    expect(server().comments(OWNER, REPO, issue)[3]!.body).toBe(`${MARKER}\nquoted by a human`);

    const never = await run(ws, pr(issue), { 'fail-on': 'never' });
    expect(never.code).toBe(0);
    expect(never.outputs.verdict).toBe('fail');
    expect(botComments(issue)).toHaveLength(1);

    expect(operations('issues/create-comment') - created).toBe(1);
    expect(operations('issues/update-comment') - updated).toBe(2);
    // The comment was looked up through the paginated listing: page 2 was read.
    expect(server().requests.some((r) => r.operationId === 'issues/list-comments' && /[?&]page=2\b/.test(r.path))).toBe(true);

    // The token is registered for masking and never printed, whatever the run did.
    for (const r of [first, second, never]) expect(printed(r, TOKENS.actions)).not.toContain(TOKENS.actions);
  });

  it('records the baseline on push without commenting, and never writes it from a pull request', async () => {
    const ws = commandWorkspace({ quick: 'node -e 0' });
    const posts = operations('issues/create-comment');
    const reads = server().requests.length;

    const first = await run(ws, push(hex('1')));
    expect(first.code, first.stdout).toBe(0);
    expect(first.stdout).toContain('Mode: baseline');
    expect(storedRuns(ws)).toBe(1);
    const second = await run(ws, push(hex('2')));
    expect(second.code).toBe(0);
    expect(storedRuns(ws)).toBe(2);
    const history = JSON.parse(readFileSync(historyFile(ws), 'utf8')) as { entries: Array<{ commit?: string }> };
    expect(history.entries.map((e) => e.commit)).toEqual([hex('1'), hex('2')]);
    // A push has no PR to comment on: no comment request at all reached GitHub.
    expect(operations('issues/create-comment')).toBe(posts);
    expect(server().requests.length).toBe(reads);

    const bytes = readFileSync(historyFile(ws));
    const pull = await run(ws, pr(202), { 'fail-on': 'never' }); // timings of node -e 0 are noise here
    expect(pull.code, pull.stdout).toBe(0);
    expect(pull.stdout).toContain('Mode: pr');
    expect(botComments(202)).toHaveLength(1);
    expect(readFileSync(historyFile(ws)).equals(bytes)).toBe(true);
  });

  it('with a read-only token, warns about the comment and still writes the summary and exits by its verdict', async () => {
    const ws = importWorkspace();
    await recordBaselines(ws, 2, (k) => entries(2, () => 5, k));
    writeResults(
      ws,
      entries(2, () => 5, 9),
    );
    const r = await run(ws, pr(303), {}, TOKENS.readOnly);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.outputs.verdict).toBe('pass');
    expect(r.stdout).toMatch(/::warning::Could not post the PR comment \(403\): the token may not write to pull requests/);
    expect(r.stdout + r.stderr).not.toMatch(/::error::|at \S+ \(.*:\d+:\d+\)/);
    expect(server().requests.some((q) => q.operationId === 'issues/create-comment' && q.status === 403)).toBe(true);
    expect(server().comments(OWNER, REPO, 303)).toHaveLength(0);
    expect(r.summary.length).toBeGreaterThan(0);
    expect(r.summary).toContain('| Benchmark | Verdict |');
    expect(r.summary).toContain('many › bench-0001');
    expect(printed(r, TOKENS.readOnly)).not.toContain(TOKENS.readOnly);

    // A token GitHub does not know (401) is the same kind of trouble: a warning, not a crash.
    const bogus = 'ghp_revokedTokenThatGitHubNoLongerKnows';
    const revoked = await run(ws, pr(303), {}, bogus);
    expect(revoked.code, revoked.stdout + revoked.stderr).toBe(0);
    expect(revoked.stdout).toMatch(/::warning::Could not post the PR comment \(401\): Bad credentials/);
    expect(revoked.summary).toContain('| Benchmark | Verdict |');
    expect(printed(revoked, bogus)).not.toContain(bogus);
  });

  it('keeps the token from the benchmarked commands, so their output cannot print it', async () => {
    // A command that prints the token's variable to stderr and fails: its stderr tail is shown.
    const ws = commandWorkspace({ dump: 'node -e "process.stderr.write(\'token=\' + process.env.INPUT_TOKEN); process.exit(3)"' });
    const r = await run(ws, pr(250));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('token=undefined'); // what the command printed did reach the log
    expect(printed(r, TOKENS.actions)).not.toContain(TOKENS.actions);
    expect(r.summary).not.toContain(TOKENS.actions);
    expect(botComments(250)).toHaveLength(1);
    expect(botComments(250)[0]!.body).not.toContain(TOKENS.actions);
  });

  it('escapes a hostile benchmark name in the comment: no HTML, no mention, no broken table', async () => {
    const hostile = '<img src=x onerror=alert(1)> | @octocat';
    const ws = commandWorkspace({ [hostile]: 'node -e 0', plain: 'node -e 0' });
    const r = await run(ws, pr(404));
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const [comment] = botComments(404);
    expect(comment).toBeDefined();
    const body = comment!.body;
    expect(body).not.toContain('<img');
    expect(body).not.toContain('onerror=');
    // A mention needs `@` right before the login; the escape puts an entity and a zero-width joiner there.
    expect(body).not.toMatch(/@\u200D?octocat/);
    expect(body).toContain('&lt;img src&#61;x onerror&#61;alert&#40;1&#41;&gt; &#124; &#64;\u200Doctocat');
    // The row has as many cells as the header: the `|` in the name did not split a cell.
    const lines = body.split('\n');
    const header = lines.find((l) => l.startsWith('| Benchmark | Verdict |'))!;
    const row = lines.find((l) => l.includes('onerror'))!;
    const cells = (l: string): number => l.split('|').length;
    expect(header).toBeDefined();
    expect(cells(row)).toBe(cells(header));
    expect(row.startsWith('| cmd › &lt;img')).toBe(true);
    // The job summary escapes it the same way.
    expect(r.summary).not.toContain('<img');
  });

  it('folds 2,000 benchmarks into a comment GitHub accepts, saying what was folded away', async () => {
    const ws = importWorkspace();
    const n = 2000;
    await recordBaselines(ws, 2, (k) => entries(n, (i) => 1 + (i % 50), k));
    writeResults(
      ws,
      entries(n, (i) => 1 + (i % 50), 5),
    );
    const r = await run(ws, pr(505));
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(r.outputs.report!, 'utf8')) as { benchmarks: unknown[] };
    expect(report.benchmarks).toHaveLength(n);
    const [comment] = botComments(505);
    expect(comment).toBeDefined();
    expect(comment!.body.length).toBeLessThan(65_536);
    expect(comment!.body).toMatch(/All results \(\d+ of 2000\)/);
    expect(comment!.body).toMatch(/… and \d+ more results, folded away to fit GitHub's comment limit\./);
    expect(comment!.body).toContain("the JSON report (the action's `report` output) has all 2000 results");
    // Accepted on the first try: no 422 from GitHub.
    expect(server().requests.filter((q) => q.status === 422)).toEqual([]);
  });

  describe('workflow_run comment mode', () => {
    /** A report.json made by a PR run of a small import suite. */
    async function prReport(): Promise<string> {
      const ws = importWorkspace();
      await recordBaselines(ws, 2, (k) => entries(2, () => 3, k));
      writeResults(
        ws,
        entries(2, (i) => (i === 0 ? 6 : 3), 4),
      );
      const r = await run(ws, pr(1), { comment: 'false' });
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/::error title=Performance regression/);
      const file = join(mkdtempSync(join(tmpdir(), 'tp-artifact-')), 'report.json');
      writeFileSync(file, readFileSync(r.outputs.report!, 'utf8'));
      return file;
    }
    function workflowRunEvent(headSha: string): object {
      return {
        action: 'completed',
        workflow_run: {
          id: 9001,
          name: 'perf',
          head_sha: headSha,
          head_branch: 'feature',
          event: 'pull_request',
          conclusion: 'failure',
          pull_requests: [],
        },
        repository: { name: REPO, full_name: `${OWNER}/${REPO}`, owner: { login: OWNER }, default_branch: 'main' },
        sender: { login: 'contributor', type: 'User' },
      };
    }
    const commentRun = (ws: string, headSha: string, reportFile: string): Promise<ActionRun> =>
      run(
        ws,
        { name: 'workflow_run', payload: workflowRunEvent(headSha), ref: 'refs/heads/main', sha: hex('0') },
        { 'report-file': reportFile },
      );

    it('finds the PR from the head sha when pull_requests is empty, and posts the report', async () => {
      const report = await prReport();
      const headSha = hex('d');
      server().addPull(OWNER, REPO, { number: 606, headSha });
      const ws = mkdtempSync(join(tmpdir(), 'tp-gh-')); // the comment job checks out no PR code
      const r = await commentRun(ws, headSha, report);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).toContain('Mode: comment');
      expect(
        server().requests.some((q) => q.operationId === 'repos/list-pull-requests-associated-with-commit' && q.path.includes(headSha)),
      ).toBe(true);
      const [comment] = botComments(606);
      expect(comment).toBeDefined();
      expect(comment!.body).toContain('many › bench-0000');
      expect(comment!.body).toContain('Performance: fail — 1 regression');
      expect(comment!.body).toContain('commit ddddddd');
      // Where the baseline came from travels in the report, so the companion's comment keeps it;
      // and the PR's own run already annotated its check: the trusted run adds no ::error.
      expect(comment!.body).toMatch(/Baseline&#58; \d+ runs? of main from /);
      expect(r.stdout).not.toContain('::error');
      expect(existsSync(join(ws, STORE))).toBe(false);
    });

    it("finds a fork's PR among the open pulls when the commit lists none", async () => {
      const report = await prReport();
      const headSha = hex('e');
      server().addPull(OWNER, REPO, { number: 607, headSha, fork: true });
      const r = await commentRun(mkdtempSync(join(tmpdir(), 'tp-gh-')), headSha, report);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(server().requests.some((q) => q.operationId === 'pulls/list')).toBe(true);
      expect(botComments(607)).toHaveLength(1);
    });
  });
});
