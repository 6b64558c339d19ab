import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { ACTIONS_BOT, startGitHubServer, type GitHubServer, type StoredComment } from './github-server.js';

/**
 * A loopback GitHub server for the whole test file: started before the tests, closed after, and
 * after each test no request may have broken GitHub's OpenAPI description. Call at the top level
 * of a test file; the getter gives the running server.
 */
export function useGitHubServer(): () => GitHubServer {
  let server: GitHubServer | undefined;
  beforeAll(async () => {
    server = await startGitHubServer();
  });
  afterAll(async () => {
    await server?.close();
  });
  afterEach(() => {
    expect(server!.invalid).toEqual([]);
  });
  return () => server!;
}

/** The comments the action's bot left on issue or pull request `n` of octo-org/octo-repo. */
export function botComments(server: GitHubServer, n: number): StoredComment[] {
  return server.comments('octo-org', 'octo-repo', n).filter((c) => c.user.login === ACTIONS_BOT.login);
}
