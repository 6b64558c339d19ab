import { getOctokit } from '@actions/github';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeMarkedIssue, findMarkedIssue, IssueAccessError, upsertMarkedIssue } from '../../src/github/index.js';
import { marker } from '../../src/report/index.js';
import { OCTOCAT, startGitHubServer, TOKENS, type GitHubServer } from '../helpers/github-server.js';

const repo = { owner: 'octo-org', repo: 'octo-repo' };
let server: GitHubServer;

beforeEach(async () => {
  server = await startGitHubServer({ issuesDisabled: ['octo-org/no-issues'] });
});
afterEach(async () => {
  expect(server.invalid).toEqual([]); // every request conformed to GitHub's OpenAPI description
  await server.close();
});

const octokit = (token: string = TOKENS.actions) => getOctokit(token, { baseUrl: server.url });
const issues = () => server.issues('octo-org', 'octo-repo');

describe('issues found by their hidden marker, against the loopback GitHub server', () => {
  it('creates the issue with its labels, updates the same one, and stays quiet when nothing changed', async () => {
    const t = { ...repo, markerId: 'cp-a', label: 'performance', labels: ['regression'], title: 'nap got slower' };
    const first = await upsertMarkedIssue(octokit(), { ...t, body: 'first' });
    expect(first.action).toBe('created');
    expect(issues()).toHaveLength(1);
    expect(issues()[0]).toMatchObject({ body: `${marker('cp-a')}\nfirst`, labels: ['performance', 'regression'], state: 'open' });
    const second = await upsertMarkedIssue(octokit(), { ...t, body: 'second' });
    expect(second).toMatchObject({ action: 'updated', number: first.number });
    const again = await upsertMarkedIssue(octokit(), { ...t, body: 'second' });
    expect(again).toMatchObject({ action: 'unchanged', number: first.number });
    expect(server.requests.filter((r) => r.method !== 'GET')).toHaveLength(2);
    expect(issues()).toHaveLength(1);
  });

  it("never takes over someone else's issue with the same marker", async () => {
    server.addIssue('octo-org', 'octo-repo', {
      title: 'copied',
      body: `${marker('cp-a')}\nby hand`,
      user: OCTOCAT,
      labels: ['performance'],
    });
    const r = await upsertMarkedIssue(octokit(), { ...repo, markerId: 'cp-a', label: 'performance', title: 't', body: 'ours' });
    expect(r.action).toBe('created');
    expect(issues().map((i) => i.body)).toEqual([`${marker('cp-a')}\nby hand`, `${marker('cp-a')}\nours`]);
  });

  it('finds its issue past the first page of 100', async () => {
    for (let i = 0; i < 150; i++) server.addIssue('octo-org', 'octo-repo', { title: `other ${i}`, user: OCTOCAT });
    const created = await upsertMarkedIssue(octokit(), { ...repo, markerId: 'weekly', title: 'Weekly report', body: 'w1' });
    for (let i = 0; i < 150; i++) server.addIssue('octo-org', 'octo-repo', { title: `later ${i}`, user: OCTOCAT });
    const found = await findMarkedIssue(octokit(), { ...repo, markerId: 'weekly' });
    expect(found).toMatchObject({ number: created.number, state: 'open' });
    expect(server.requests.filter((r) => r.operationId === 'issues/list-for-repo').length).toBeGreaterThan(1);
  });

  it('closes its open issue with a new body, and then finds none open', async () => {
    const t = { ...repo, markerId: 'cp-b', title: 'parse got slower' };
    const made = await upsertMarkedIssue(octokit(), { ...t, body: 'slower since abc' });
    const closed = await closeMarkedIssue(octokit(), { ...t, body: 'reversed at def' });
    expect(closed).toMatchObject({ action: 'closed', number: made.number });
    expect(issues()[0]).toMatchObject({ state: 'closed', state_reason: 'completed', body: `${marker('cp-b')}\nreversed at def` });
    expect(await findMarkedIssue(octokit(), t)).toBeUndefined();
    expect(await findMarkedIssue(octokit(), t, 'all')).toMatchObject({ number: made.number, state: 'closed' });
    expect(await closeMarkedIssue(octokit(), t)).toBeUndefined();
    // A new issue for the same marker once the old one is closed.
    expect((await upsertMarkedIssue(octokit(), { ...t, body: 'slower again' })).action).toBe('created');
  });

  it('cuts a body over the limit once and keeps the marker', async () => {
    const r = await upsertMarkedIssue(octokit(), { ...repo, markerId: 'big', title: 'big', body: 'line\n'.repeat(20_000) });
    expect(r.action).toBe('created');
    expect(issues()[0]!.body.startsWith(marker('big'))).toBe(true);
    expect(issues()[0]!.body.length).toBeLessThanOrEqual(65_536);
  });

  it('throws IssueAccessError naming the fix for a read-only token (403) and for disabled issues (410)', async () => {
    const ro = upsertMarkedIssue(octokit(TOKENS.readOnly), { ...repo, markerId: 'x', title: 't', body: 'b' });
    await expect(ro).rejects.toBeInstanceOf(IssueAccessError);
    await expect(ro).rejects.toMatchObject({ status: 403, message: expect.stringContaining('issues: write') });
    const gone = upsertMarkedIssue(octokit(), { owner: 'octo-org', repo: 'no-issues', markerId: 'x', title: 't', body: 'b' });
    await expect(gone).rejects.toMatchObject({
      status: 410,
      message: expect.stringContaining('Issues are disabled on octo-org/no-issues'),
    });
  });
});
