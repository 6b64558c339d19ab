import { describe, expect, it } from 'vitest';
import { matchesGlob, resolveMinEffect } from '../../src/config/min-effect.js';

describe('matchesGlob', () => {
  it.each([
    ['parser/*', 'parser/parse big', true],
    ['parser/*', 'lexer/parse', false],
    ['*', 'anything/at all', true],
    ['*/startup', 'cli/startup', true],
    ['a*b*c', 'a-x-b-y-c', true],
    ['a*b*c', 'a-x-c-b', false],
    ['ab*ba', 'aba', false],
    ['exact/id', 'exact/id', true],
    ['exact/id', 'exact/idx', false],
  ])('%s vs %s → %s', (pattern, id, want) => {
    expect(matchesGlob(pattern, id)).toBe(want);
  });
});

describe('resolveMinEffect', () => {
  const config = {
    minEffect: 0.04,
    overrides: [
      { benchmark: 'io/*', minEffect: 0.2 },
      { benchmark: 'io/fsync', minEffect: 0.3 },
    ],
  };
  it('prefers the last matching override, then the suite, then config, then 3%', () => {
    expect(resolveMinEffect('io/fsync', 'io', config, { io: 0.1 })).toBe(0.3);
    expect(resolveMinEffect('io/read', 'io', config, { io: 0.1 })).toBe(0.2);
    expect(resolveMinEffect('cpu/x', 'cpu', config, { cpu: 0.1 })).toBe(0.1);
    expect(resolveMinEffect('cpu/x', 'cpu', config, {})).toBe(0.04);
    expect(resolveMinEffect('cpu/x', 'cpu', undefined, undefined)).toBe(0.03);
  });
  it('falls back to the default for a nonsensical value', () => {
    expect(resolveMinEffect('a/b', 'a', { minEffect: -1 }, undefined)).toBe(0.03);
  });
});
