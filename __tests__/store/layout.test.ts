import { describe, expect, it } from 'vitest';
import { cacheKey, cacheKeyPrefix, entryPrefix, runOfKey } from '../../src/store/cache-entries.js';
import { branchToken, historyFileName } from '../../src/store/layout.js';
import { at, makeRun } from './make-run.js';

describe('branch names in files and keys', () => {
  it('encodes a branch into one flat file name', () => {
    expect(historyFileName('main')).toBe('main.json');
    expect(historyFileName('feature/x,y')).toBe('feature%2Fx%2Cy.json');
  });

  it('keeps long branch names distinct and short enough for file names and cache keys', () => {
    const long = (c: string) => `release/${'é'.repeat(120)}${c}`;
    const a = branchToken(long('a'));
    const b = branchToken(long('b'));
    expect(a).not.toBe(b);
    expect(a.length).toBeLessThanOrEqual(200);
    expect(cacheKey('track-performance', long('a'), 'win-gzip', makeRun('f'.repeat(40), at(0))).length).toBeLessThanOrEqual(512);
  });

  it('never lets one branch prefix match another branch', () => {
    expect(cacheKeyPrefix('p', 'main-2').startsWith(cacheKeyPrefix('p', 'main'))).toBe(false);
    expect(cacheKey('p', 'main:x', 'zstd', makeRun('c', at(0))).startsWith(cacheKeyPrefix('p', 'main'))).toBe(false);
  });
});

describe('cache keys name their run', () => {
  it('gives back the commit and time a key was saved for', () => {
    const run = makeRun('f'.repeat(40), at(5));
    const prefix = entryPrefix('p', 'main', 'zstd');
    expect(runOfKey(cacheKey('p', 'main', 'zstd', run), prefix)).toEqual({ commit: run.commit, time: Date.parse(run.timestamp) });
    expect(runOfKey(cacheKey('p', 'main', 'zstd', { ...run, commit: undefined }), prefix)).toEqual({
      commit: undefined,
      time: Date.parse(run.timestamp),
    });
    expect(runOfKey(cacheKey('p', 'main', 'gzip', run), prefix)).toBeUndefined();
  });
});
