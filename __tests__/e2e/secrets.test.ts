/**
 * No secret leaves the process: the token (even when the GitHub API echoes the Authorization
 * header in an error body) and the values of secret-looking environment variables (which a
 * failing command may print) are replaced by `***` in the log, the job summary, the PR comment,
 * the report file and the CLI's output; the action also registers them with the runner (`::add-mask::`).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullRequestEvent, runBuiltAction, type ActionRun } from '../helpers/action-process.js';
import { cli } from '../helpers/cli-process.js';
import { ACTIONS_BOT, startGitHubServer, TOKENS, type GitHubServer } from '../helpers/github-server.js';

const ECHOED = 'ghs_echoedByAProxy0123456789';
const SECRET = 's3cr3t-deploy-key-42';

let server: GitHubServer;
beforeAll(async () => {
  server = await startGitHubServer({ tokens: { [ECHOED]: { user: ACTIONS_BOT, installation: true, echoesAuthorization: true } } });
});
afterAll(async () => {
  await server.close();
});

/** A workspace whose one command fails and prints the secret on stderr. */
function leakyWorkspace(): string {
  const ws = mkdtempSync(join(tmpdir(), 'tp-secret-'));
  writeFileSync(
    join(ws, 'performance-tracker.json'),
    JSON.stringify({ suites: [{ name: 'deploy', command: { push: 'echo "using key=$DEPLOY_API_KEY" >&2; exit 3' }, runs: 2, warmup: 0 }] }),
  );
  return ws;
}

function pr(ws: string, token: string, issue: number): Promise<ActionRun> {
  return runBuiltAction({
    workspace: ws,
    eventName: 'pull_request',
    event: pullRequestEvent(issue),
    ref: `refs/pull/${issue}/merge`,
    inputs: { baseline: 'perf-baseline', token },
    env: { GITHUB_API_URL: server.url, DEPLOY_API_KEY: SECRET },
  });
}

/** Output lines other than the runner's `::add-mask::` commands (which the runner consumes). */
const shown = (r: ActionRun): string =>
  (r.stdout + r.stderr)
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');

describe('secrets', () => {
  it('hides the token an API error echoes, and registers it with the runner', async () => {
    const r = await pr(leakyWorkspace(), ECHOED, 301);
    // The warning is there, with the header's value masked.
    expect(r.stdout).toMatch(/::warning::Could not post the PR comment \(400\): .*"authorization": "token \*\*\*"/);
    const out = shown(r) + r.summary;
    expect(out).not.toContain(ECHOED);
    expect(out).not.toContain(Buffer.from(`x-access-token:${ECHOED}`).toString('base64'));
    expect(r.stdout.split('\n')).toContain(`::add-mask::${ECHOED}`);
    expect(r.stdout.split('\n')).toContain(`::add-mask::${SECRET}`);
  });

  it("hides a secret variable's value that a failing command printed, in the log, the summary and the comment", async () => {
    const r = await pr(leakyWorkspace(), TOKENS.actions, 302);
    const [comment] = server.comments('octo-org', 'octo-repo', 302);
    expect(comment, r.stdout).toBeDefined();
    for (const text of [shown(r), r.summary, comment!.body]) expect(text).not.toContain(SECRET);
    // The message itself still reaches the user, with the value masked.
    expect(shown(r) + r.summary).toContain('using key=***');
    // So does the report file, which a fork PR uploads for another job (with other secrets) to post.
    const report = readFileSync(r.outputs.report!, 'utf8');
    expect(report).not.toContain(SECRET);
    expect(report).toContain('using key=***');
  });

  it('hides it in the CLI output too', async () => {
    const ws = leakyWorkspace();
    const r = await cli(['benchmark', '--out', 'run.json'], ws, { DEPLOY_API_KEY: SECRET });
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).not.toContain(SECRET);
    expect(r.stdout + r.stderr).toContain('using key=***');
  });
});
