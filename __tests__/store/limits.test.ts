import { describe, expect, it } from 'vitest';
import { StoreError } from '../../src/model/errors.js';
import { textOf } from '../../src/store/git.js';
import { HistoryText } from '../../src/store/record.js';
import { at, makeRun } from './make-run.js';

/** What V8 throws when a string would pass its length limit. */
const tooLong = () => Object.assign(new Error('Cannot create a string longer than 0x1fffffe8 characters'), { code: 'ERR_STRING_TOO_LONG' });

describe('histories past the string limit', () => {
  it('refuses to write a history that cannot be one string, giving its size and what to do', () => {
    const history = new HistoryText(undefined, () => {
      throw new RangeError('Invalid string length');
    });
    const err = (() => {
      try {
        return history.appendRun(undefined, 'benchmarks/main.json', makeRun('c1', at(0)), 'main');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).message).toMatch(
      /^The new history of benchmarks\/main\.json is too big to handle as one text \(1 runs × \d+ benchmarks;/,
    );
    expect((err as StoreError).message).toMatch(/Nothing was written\. Keep less per branch: a shorter retention/);
    expect((err as StoreError).location).toBe('benchmarks/main.json');
  });

  it('turns git output too long to decode into a StoreError with its size, and lets other errors through', () => {
    const chunks = [Buffer.alloc(3 * 2 ** 20)];
    expect(() =>
      textOf(chunks, 'The output of git cat-file', () => {
        throw tooLong();
      }),
    ).toThrow(/^The output of git cat-file is too big to handle as one text \(3\.0 MiB;/);
    expect(() =>
      textOf(chunks, 'x', () => {
        throw new TypeError('other');
      }),
    ).toThrow(TypeError);
    expect(textOf([Buffer.from('ab'), Buffer.from('c')], 'x')).toBe('abc');
  });
});
