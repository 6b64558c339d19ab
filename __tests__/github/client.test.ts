import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lazyOctokit } from '../../src/github/client.js';
import { octokitPublisher } from '../../src/github/publish.js';
import { marker } from '../../src/report/index.js';
import { startGitHubServer, TOKENS, type GitHubServer } from '../helpers/github-server.js';

let server: GitHubServer;
beforeAll(async () => {
  server = await startGitHubServer();
  // @actions/github reads it when it is imported: here, on the first call of a lazy client.
  process.env.GITHUB_API_URL = server.url;
});
afterAll(async () => {
  expect(server.invalid).toEqual([]);
  delete process.env.GITHUB_API_URL;
  await server.close();
});

describe('lazyOctokit', () => {
  it('creates the client on the first call only, then shares it', async () => {
    const client = lazyOctokit(TOKENS.actions);
    const publisher = octokitPublisher(client, 'octo-org', 'octo-repo', (t) => t.replaceAll('secret', '***'));
    expect(server.requests).toEqual([]); // nothing loaded nor asked yet
    const done = await publisher.upsert(7, `${marker('perf')}\na secret`, 'perf');
    expect(done.action).toBe('created');
    expect(server.comments('octo-org', 'octo-repo', 7).map((c) => c.body)).toEqual([`${marker('perf')}\na ***`]);
    expect(await client()).toBe(await client());
  });
});
