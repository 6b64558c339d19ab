import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { branchName, parseInputs } from '../../src/action/inputs.js';

const from = (values: Record<string, string>) => (name: string) => values[name] ?? '';

describe('parseInputs', () => {
  it('fills defaults for empty inputs', () => {
    const inputs = parseInputs(from({}));
    expect(inputs).toMatchObject({
      config: 'performance-tracker.json',
      baseline: 'cache',
      failOn: 'regression',
      comment: true,
      commentId: 'track-performance',
      mode: 'auto',
      history: 10,
    });
  });
  it('reads the given values', () => {
    const inputs = parseInputs(from({ 'fail-on': 'never', comment: 'false', history: '20', mode: 'comment' }));
    expect(inputs).toMatchObject({ failOn: 'never', comment: false, history: 20, mode: 'comment' });
  });
  it('reads the shard, merge and variant inputs, and refuses a mode without its input', () => {
    expect(parseInputs(from({ mode: 'shard', shard: '2/3', variant: 'ubuntu / node 20' }))).toMatchObject({
      mode: 'shard',
      shard: { index: 2, count: 3 },
      variant: 'ubuntu-node-20',
    });
    expect(parseInputs(from({ mode: 'merge', shards: 'a, b\nc', 'allow-partial': 'true' }))).toMatchObject({
      shards: ['a', 'b', 'c'],
      allowPartial: true,
    });
    expect(() => parseInputs(from({ mode: 'shard' }))).toThrow(/Input 'mode' is 'shard': set the 'shard' input/);
    expect(() => parseInputs(from({ shard: '1/2' }))).toThrow(/Input 'shard' is set, but 'mode' is 'auto'/);
    expect(() => parseInputs(from({ mode: 'shard', shard: '3/2' }))).toThrow(/Input 'shard' must be "i\/n"/);
    expect(() => parseInputs(from({ mode: 'merge' }))).toThrow(/set the 'shards' input/);
  });
  it('names the input and the allowed values when one is wrong', () => {
    expect(() => parseInputs(from({ 'fail-on': 'sometimes' }))).toThrow(
      "Input 'fail-on' must be one of regression, warning, never; found 'sometimes'.",
    );
    expect(() => parseInputs(from({ comment: 'maybe' }))).toThrow("Input 'comment' must be true or false; found 'maybe'.");
    expect(() => parseInputs(from({ history: '0' }))).toThrow("Input 'history' must be a whole number ≥ 1; found '0'.");
  });

  it('accepts exactly the gh-pages-branch names git accepts', () => {
    const names = [
      'gh-pages',
      'perf/data',
      'v1.2',
      'a@b',
      '',
      'a..b',
      'a b',
      'x:y',
      'a~1',
      'a^',
      'a?',
      'a*',
      'a[b',
      'a\\b',
      '-x',
      '/x',
      'x/',
      'x.',
      'a//b',
      '.hidden',
      'a/.b',
      'x.lock',
      'a/b.lock/c',
      'a@{1}',
      'tab\tname',
    ];
    const hasGit = spawnSync('git', ['--version']).status === 0;
    for (const name of names) {
      const ours = (() => {
        try {
          return branchName('gh-pages-branch', name) === name;
        } catch {
          return false;
        }
      })();
      const git = hasGit ? spawnSync('git', ['check-ref-format', '--branch', name]).status === 0 : ours;
      expect({ name, ok: ours }).toEqual({ name, ok: git && name !== '' });
    }
    expect(() => parseInputs(from({ 'gh-pages-branch': 'a..b' }))).toThrow("Input 'gh-pages-branch' must be a valid git branch name");
    // git reads a lone `@` as HEAD's branch: as a name of its own it is refused.
    expect(() => branchName('gh-pages-branch', '@')).toThrow(/valid git branch name/);
  });
});
