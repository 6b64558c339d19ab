import { describe, expect, it } from 'vitest';
import { backoffMs, classifyPush, remoteReason } from '../../src/store/push-retry.js';

describe('push refusals', () => {
  it('tells a permanent refusal from a lost race', () => {
    for (const s of [
      ' ! [remote rejected] x -> gh-pages (pre-receive hook declined)',
      'remote: error: GH006: Protected branch update failed for refs/heads/gh-pages.',
      'remote: Permission to o/r.git denied to github-actions[bot].\nfatal: unable to access: The requested URL returned error: 403',
      'fatal: Authentication failed for https://github.com/o/r.git/',
    ])
      expect(classifyPush(s)).toBe('permanent');
    for (const s of [
      ' ! [rejected]        x -> gh-pages (non-fast-forward)',
      ' ! [rejected]        x -> gh-pages (fetch first)',
      'error: cannot lock ref refs/heads/gh-pages: is at 1234 but expected 5678',
      ' ! [rejected] x -> gh-pages (stale info)',
    ])
      expect(classifyPush(s)).toBe('race');
    expect(classifyPush('fatal: could not read from remote repository')).toBe('other');
  });

  it("quotes the remote's own lines", () => {
    const stderr =
      'remote: GH006: Protected branch update failed.\nTo /x\n ! [remote rejected] a -> gh-pages (pre-receive hook declined)\nerror: failed to push some refs';
    expect(remoteReason(stderr)).toBe(
      'remote: GH006: Protected branch update failed.\n! [remote rejected] a -> gh-pages (pre-receive hook declined)\nerror: failed to push some refs',
    );
  });

  it('grows the jitter window exponentially up to the cap', () => {
    const b = { baseMs: 100, capMs: 2_000, budgetMs: 1 };
    expect([0, 1, 2, 3, 4, 5, 20].map((a) => backoffMs(a, b, () => 1))).toEqual([100, 200, 400, 800, 1600, 2000, 2000]);
    expect(backoffMs(3, b, () => 0)).toBe(0);
  });
});
