import { describe, expect, it } from 'vitest';
import { StoreError } from '../../src/errors.js';
import { parseHistory, serializeHistory } from '../../src/store/codec.js';
import { emptyHistory, insertRun, toRuns } from '../../src/store/history.js';
import { at, makeRun } from './make-run.js';

const good = () => serializeHistory(insertRun(insertRun(emptyHistory('main'), makeRun('c1', at(0))), makeRun('c2', at(1))));

function errorOf(text: string): StoreError {
  try {
    parseHistory(text, 'benchmarks/main.json');
  } catch (e) {
    expect(e).toBeInstanceOf(StoreError);
    expect((e as StoreError).message).toContain('benchmarks/main.json');
    expect((e as StoreError).message).toContain('left unchanged');
    return e as StoreError;
  }
  throw new Error('expected a StoreError');
}

describe('history files', () => {
  it('round-trips through its text', () => {
    const text = good();
    expect(serializeHistory(parseHistory(text, 'f'))).toBe(text);
  });

  it('refuses a truncated file, saying it is not valid JSON', () => {
    const text = good();
    expect(errorOf(text.slice(0, Math.floor(text.length / 2))).message).toMatch(/not valid JSON.*truncated/);
  });

  it('refuses a file of another tool or kind', () => {
    expect(errorOf('{"benches":[]}').message).toMatch(/"tool": "track-performance"/);
  });

  it('refuses a newer version and asks for an upgrade', () => {
    const doc = JSON.parse(good());
    doc.schemaVersion = 3;
    expect(errorOf(JSON.stringify(doc)).message).toMatch(/schemaVersion 3.*newer.*Upgrade/);
  });

  it('refuses an unknown version', () => {
    const doc = JSON.parse(good());
    doc.schemaVersion = 'two';
    expect(errorOf(JSON.stringify(doc)).message).toMatch(/schemaVersion "two"; expected an integer/);
  });

  it('names the column that does not match the entries', () => {
    const doc = JSON.parse(good());
    doc.benchmarks['suite/parse'].value.pop();
    expect(errorOf(JSON.stringify(doc)).message).toContain('$.benchmarks["suite/parse"].value must be an array of 2 values');
  });

  it('names a bad timestamp', () => {
    const doc = JSON.parse(good());
    doc.entries[1].timestamp = 'yesterday';
    expect(errorOf(JSON.stringify(doc)).message).toContain('$.entries[1].timestamp must be an ISO 8601 date');
  });

  it('migrates version 1 (rows of run files) to the columns', () => {
    const runs = [makeRun('c2', at(1)), makeRun('c1', at(0))];
    const v1 = JSON.stringify({ schemaVersion: 1, tool: 'track-performance', kind: 'history', branch: 'main', runs });
    const doc = parseHistory(v1, 'old.json');
    expect(doc.schemaVersion).toBe(2);
    expect(toRuns(doc)).toEqual([runs[1], runs[0]]);
  });

  it('names the broken run of a version 1 file', () => {
    const v1 = JSON.stringify({ schemaVersion: 1, tool: 'track-performance', kind: 'history', branch: 'main', runs: [makeRun('c', at(0)), { timestamp: at(1) }] });
    expect(errorOf(v1).message).toContain('$.runs[1] is not a run file');
  });
});
