import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGitHubServer, TOKENS, type GitHubServer } from '../helpers/github-server.js';

let server: GitHubServer;
beforeAll(async () => {
  server = await startGitHubServer();
});
afterAll(() => server.close());

const call = (method: string, path: string, body?: unknown, token: string = TOKENS.actions) =>
  fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `token ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe('the loopback GitHub server itself', () => {
  it("rejects requests that break GitHub's OpenAPI description, and records them", async () => {
    const noBody = await call('POST', '/repos/o/r/issues/1/comments', { text: 'wrong field' });
    expect(noBody.status).toBe(400);
    const badPage = await call('GET', '/repos/o/r/issues/1/comments?per_page=many');
    expect(badPage.status).toBe(400);
    const unknown = await call('DELETE', '/repos/o/r/issues/1/comments');
    expect(unknown.status).toBe(404);
    expect(server.invalid.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /repos/o/r/issues/1/comments',
      'GET /repos/o/r/issues/1/comments',
      'DELETE /repos/o/r/issues/1/comments',
    ]);
    expect(server.comments('o', 'r', 1)).toEqual([]);
  });

  it('answers 401 to an unknown token and pages with Link headers like GitHub', async () => {
    expect((await call('GET', '/user', undefined, 'nope')).status).toBe(401);
    for (let i = 0; i < 5; i++) expect((await call('POST', '/repos/o/r/issues/2/comments', { body: `c${i}` })).status).toBe(201);
    const page2 = await call('GET', '/repos/o/r/issues/2/comments?per_page=2&page=2');
    expect(((await page2.json()) as Array<{ body: string }>).map((c) => c.body)).toEqual(['c2', 'c3']);
    const link = page2.headers.get('link') ?? '';
    expect(link).toContain(`<${server.url}/repos/o/r/issues/2/comments?per_page=2&page=3>; rel="next"`);
    expect(link).toContain('page=1>; rel="prev"');
    expect(link).toContain('page=3>; rel="last"');
    const last = await call('GET', '/repos/o/r/issues/2/comments?per_page=2&page=3');
    expect(last.headers.get('link')).not.toContain('rel="next"');
  });
});
