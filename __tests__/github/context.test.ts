import { context as toolkitContext } from '@actions/github';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readContext, runnerFacts } from '../../src/github/context.js';
import { InputError } from '../../src/model/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'tp-context-'));
const eventFile = (name: string, payload: unknown) => {
  const file = join(dir, name);
  writeFileSync(file, typeof payload === 'string' ? payload : JSON.stringify(payload));
  return file;
};
const pullRequest = {
  number: 7,
  pull_request: { number: 7, base: { ref: 'main', sha: 'c'.repeat(40) } },
  repository: { name: 'octo-repo', owner: { login: 'octo-org' }, default_branch: 'main' },
};
const runnerEnv = (over: Record<string, string | undefined>) => ({
  GITHUB_EVENT_NAME: 'pull_request',
  GITHUB_EVENT_PATH: eventFile('pr.json', pullRequest),
  GITHUB_SHA: 'b'.repeat(40),
  GITHUB_REF: 'refs/pull/7/merge',
  GITHUB_REPOSITORY: 'octo-org/octo-repo',
  GITHUB_RUN_ID: '42',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_SERVER_URL: 'https://github.example.com',
  ...over,
});

/** @actions/github's own Context, constructed from `env` (it reads process.env). */
function toolkitOf(env: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  const Context = toolkitContext.constructor as new () => typeof toolkitContext;
  return new Context();
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('readContext reads what @actions/github’s Context reads', () => {
  const cases: Array<[string, Record<string, string | undefined>]> = [
    ['a pull_request run', {}],
    [
      'a push without GITHUB_RUN_ATTEMPT nor GITHUB_SERVER_URL',
      { GITHUB_EVENT_NAME: 'push', GITHUB_RUN_ATTEMPT: undefined, GITHUB_SERVER_URL: undefined },
    ],
    ['no GITHUB_REPOSITORY: the payload’s repository', { GITHUB_REPOSITORY: undefined }],
    ['no event file, no sha, no ref', { GITHUB_EVENT_PATH: undefined, GITHUB_SHA: undefined, GITHUB_REF: undefined }],
  ];
  it.each(cases)('%s: the same facts', (_, over) => {
    const env = runnerEnv(over);
    const theirs = toolkitOf(env);
    const ours = readContext(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined)));
    expect(ours).toMatchObject({
      eventName: theirs.eventName,
      sha: theirs.sha,
      ref: theirs.ref,
      runId: theirs.runId,
      serverUrl: theirs.serverUrl,
      payload: theirs.payload,
      repo: theirs.repo,
    });
    expect(runnerFacts(ours)).toEqual(runnerFacts(theirs));
  });

  it('says what is missing outside a runner, where Context.repo throws', () => {
    const env = runnerEnv({ GITHUB_REPOSITORY: undefined, GITHUB_EVENT_PATH: undefined });
    expect(() => toolkitOf(env).repo).toThrow(/GITHUB_REPOSITORY/);
    expect(() => readContext({})).toThrow(InputError);
    expect(() => readContext({})).toThrow(/GITHUB_REPOSITORY is not set: the action runs on a GitHub runner/);
  });

  it('names an event file that is not JSON (Context would crash at import)', () => {
    const file = eventFile('broken.json', '{"number": 7,');
    expect(() => readContext(runnerEnv({ GITHUB_EVENT_PATH: file }))).toThrow(
      expect.objectContaining({
        name: 'InputError',
        file,
        message: expect.stringContaining(`GITHUB_EVENT_PATH ${file} is not the event's JSON payload`),
      }),
    );
  });

  it('says so on stdout when the event file does not exist, and reads an empty payload', () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const missing = join(dir, 'absent.json');
    expect(readContext(runnerEnv({ GITHUB_EVENT_PATH: missing })).payload).toEqual({});
    expect(write).toHaveBeenCalledWith(`GITHUB_EVENT_PATH ${missing} does not exist\n`);
  });
});
