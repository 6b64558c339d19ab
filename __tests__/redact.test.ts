import { describe, expect, it } from 'vitest';
import { MASK, redactor, secretValues } from '../src/model/redact.js';

describe('secretValues', () => {
  it('takes secret-looking variable names, values of at least 6 characters, and the token', () => {
    const env = {
      GITHUB_TOKEN: 'ghs_abcdef',
      INPUT_TOKEN: 'ghs_abcdef',
      NPM_AUTH: 'npm-auth-value',
      db_password: 'hunter22',
      MY_API_KEY: 'k-123456',
      APIKEY: 'k-abcdef',
      SHORT_SECRET: 'abc12',
      PATH: '/usr/bin:/bin',
      HOME: '/home/runner',
    };
    expect(secretValues(env).sort()).toEqual(['ghs_abcdef', 'hunter22', 'k-123456', 'k-abcdef', 'npm-auth-value']);
    const withToken = secretValues({}, ['tok123456']);
    expect(withToken).toContain('tok123456');
    expect(withToken).toContain(Buffer.from('x-access-token:tok123456').toString('base64'));
  });

  it('takes each line of a multi-line value (a private key)', () => {
    const key = '-----BEGIN KEY-----\nAAAAB3NzaC1yc2E\n-----END KEY-----';
    const found = secretValues({ DEPLOY_PRIVATE_KEY: key });
    expect(found).toEqual(expect.arrayContaining([key, 'AAAAB3NzaC1yc2E', '-----BEGIN KEY-----']));
  });
});

describe('redactor', () => {
  it('replaces every occurrence, the longer secret first, and treats them as text, not patterns', () => {
    const redact = redactor(['abc.def', 'abc.def.ghi']);
    expect(redact('x abc.def.ghi y abc.def z abcXdef')).toBe(`x ${MASK} y ${MASK} z abcXdef`);
  });

  it('also replaces a secret as a JSON string writes it (quote and backslash escaped)', () => {
    const secret = 'pa"ss\\word';
    const redact = redactor([secret]);
    expect(redact(JSON.stringify({ body: `token ${secret}` }))).toBe(`{"body":"token ${MASK}"}`);
    expect(redact(`raw ${secret}`)).toBe(`raw ${MASK}`);
  });

  it('leaves text alone without secrets', () => {
    expect(redactor([])('token abc')).toBe('token abc');
  });
});
