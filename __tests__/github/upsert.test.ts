import { getOctokit } from '@actions/github';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CommentPermissionError, findPullRequestForSha, upsertComment } from '../../src/github/index.js';
import { marker } from '../../src/report/index.js';
import { ACTIONS_BOT, OCTOCAT, startGitHubServer, TOKENS, type GitHubServer } from '../helpers/github-server.js';

const where = { owner: 'octo-org', repo: 'octo-repo', issueNumber: 7 };
let server: GitHubServer;

beforeEach(async () => {
  server = await startGitHubServer();
});
afterEach(async () => {
  expect(server.invalid).toEqual([]); // every request conformed to GitHub's OpenAPI description
  await server.close();
});

const octokit = (token: string = TOKENS.actions) => getOctokit(token, { baseUrl: server.url });
const ours = () => server.comments('octo-org', 'octo-repo', 7).filter((c) => c.body.includes(marker('perf')));

describe('upsertComment against the loopback GitHub server', () => {
  it('creates the comment on the first call and updates the same one on the second', async () => {
    const first = await upsertComment(octokit(), { ...where, markerId: 'perf', body: `${marker('perf')}\nfirst` });
    expect(first.action).toBe('created');
    expect(first.url).toContain('/pull/7#issuecomment-');
    const second = await upsertComment(octokit(), { ...where, markerId: 'perf', body: `${marker('perf')}\nsecond` });
    expect(second).toMatchObject({ action: 'updated', id: first.id });
    expect(ours()).toHaveLength(1);
    expect(ours()[0]).toMatchObject({ body: `${marker('perf')}\nsecond`, user: { login: 'github-actions[bot]' } });
  });

  it('adds the marker when the body lacks it, and keeps one comment per marker id', async () => {
    await upsertComment(octokit(), { ...where, markerId: 'perf', body: 'no marker' });
    await upsertComment(octokit(), { ...where, markerId: 'other', body: 'other id' });
    await upsertComment(octokit(), { ...where, markerId: 'perf', body: 'again' });
    const all = server.comments('octo-org', 'octo-repo', 7);
    expect(all.map((c) => c.body)).toEqual([`${marker('perf')}\nagain`, `${marker('other')}\nother id`]);
  });

  it('finds its comment past the first page of 100 and stops paging once found', async () => {
    for (let i = 0; i < 150; i++) server.addComment('octo-org', 'octo-repo', 7, { body: `chatter ${i}`, user: OCTOCAT });
    const mine = server.addComment('octo-org', 'octo-repo', 7, { body: `${marker('perf')}\nold`, user: ACTIONS_BOT });
    for (let i = 0; i < 120; i++) server.addComment('octo-org', 'octo-repo', 7, { body: `later ${i}`, user: OCTOCAT });
    const done = await upsertComment(octokit(), { ...where, markerId: 'perf', body: 'new' });
    expect(done).toMatchObject({ action: 'updated', id: mine.id });
    expect(ours()).toHaveLength(1);
    const pages = server.requests.filter((r) => r.operationId === 'issues/list-comments');
    expect(pages.map((r) => new URL(r.path, server.url).searchParams.get('page') ?? '1')).toEqual(['1', '2']);
  });

  it("never touches someone else's comment that carries the marker", async () => {
    const theirs = server.addComment('octo-org', 'octo-repo', 7, { body: `${marker('perf')}\nquoted by a human`, user: OCTOCAT });
    const done = await upsertComment(octokit(), { ...where, markerId: 'perf', body: 'ours' });
    expect(done.action).toBe('created');
    expect(done.id).not.toBe(theirs.id);
    expect(server.comments('octo-org', 'octo-repo', 7)[0]!.body).toBe(`${marker('perf')}\nquoted by a human`);
  });

  it("with a personal token, matches the token's own login from GET /user", async () => {
    server.addComment('octo-org', 'octo-repo', 7, { body: `${marker('perf')}\nbot's`, user: ACTIONS_BOT });
    const first = await upsertComment(octokit(TOKENS.octocat), { ...where, markerId: 'perf', body: 'a' });
    const second = await upsertComment(octokit(TOKENS.octocat), { ...where, markerId: 'perf', body: 'b' });
    expect(first.action).toBe('created');
    expect(second).toMatchObject({ action: 'updated', id: first.id });
    expect(ours().map((c) => c.user.login)).toEqual(['github-actions[bot]', 'octocat']);
  });

  it('throws a recognisable 403 error for a read-only token and writes nothing', async () => {
    const attempt = upsertComment(octokit(TOKENS.readOnly), { ...where, markerId: 'perf', body: 'x' });
    await expect(attempt).rejects.toBeInstanceOf(CommentPermissionError);
    await expect(attempt).rejects.toMatchObject({ status: 403, message: expect.stringMatching(/workflow_run/) });
    expect(server.comments('octo-org', 'octo-repo', 7)).toEqual([]);
  });

  it('retries once with a shorter body after a 422 for a body over 65,536 characters', async () => {
    const huge = `${marker('perf')}\n${'row of a huge table\n'.repeat(5000)}`;
    const done = await upsertComment(octokit(), { ...where, markerId: 'perf', body: huge });
    expect(done.action).toBe('created');
    expect(server.requests.filter((r) => r.operationId === 'issues/create-comment').map((r) => r.status)).toEqual([422, 201]);
    const body = ours()[0]!.body;
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body.startsWith(marker('perf'))).toBe(true);
    expect(body).toContain('cut to fit');
  });

  it('uses the caller’s shorter rendering after a 422, and gives up after one retry', async () => {
    const huge = 'x'.repeat(70_000);
    const done = await upsertComment(octokit(), { ...where, markerId: 'perf', body: huge, shorterBody: () => 'short' });
    expect(done.action).toBe('created');
    expect(ours()[0]!.body).toBe(`${marker('perf')}\nshort`);
    const again = upsertComment(octokit(), { ...where, markerId: 'perf', body: huge, shorterBody: (b) => b });
    await expect(again).rejects.toMatchObject({ status: 422 });
  });
});

describe('findPullRequestForSha', () => {
  it('finds a same-repo PR by its commit, a fork PR by the open pulls listing, and nothing otherwise', async () => {
    server.addPull('octo-org', 'octo-repo', { number: 3, headSha: 'a'.repeat(40) });
    for (let n = 10; n < 130; n++) server.addPull('octo-org', 'octo-repo', { number: n, headSha: n.toString(16).padStart(40, '0') });
    server.addPull('octo-org', 'octo-repo', { number: 200, headSha: 'f'.repeat(40), fork: true });
    server.addPull('octo-org', 'octo-repo', { number: 201, headSha: 'e'.repeat(40), fork: true, state: 'closed' });
    const p = { owner: 'octo-org', repo: 'octo-repo' };
    expect(await findPullRequestForSha(octokit(), { ...p, sha: 'a'.repeat(40) })).toBe(3);
    expect(await findPullRequestForSha(octokit(), { ...p, sha: 'f'.repeat(40) })).toBe(200);
    expect(await findPullRequestForSha(octokit(), { ...p, sha: 'e'.repeat(40) })).toBeUndefined();
  });
});
