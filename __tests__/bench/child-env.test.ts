import { describe, expect, it } from 'vitest';
import { childEnv } from '../../src/bench/child-env.js';

describe('childEnv', () => {
  it('drops the action’s inputs and runtime credentials, keeps the rest, adds the suite env', () => {
    const env = childEnv(
      {
        PATH: '/usr/bin',
        GITHUB_SHA: 'abc',
        INPUT_TOKEN: 'ghs_secret',
        ACTIONS_RUNTIME_TOKEN: 'rt',
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc',
        ACTIONS_RESULTS_URL: 'http://results',
        ACTIONS_STEP_DEBUG: 'true',
      },
      { MODE: 'fast' },
    );
    expect(env).toEqual({ PATH: '/usr/bin', GITHUB_SHA: 'abc', ACTIONS_STEP_DEBUG: 'true', MODE: 'fast' });
  });
});
