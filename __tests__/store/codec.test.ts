import { describe, expect, it } from 'vitest';
import { StoreError } from '../../src/model/errors.js';
import { parseHistory, serializeHistory } from '../../src/store/codec.js';
import { emptyHistory, insertRun, toRuns } from '../../src/store/history.js';
import { at, bench, makeRun } from './make-run.js';

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
    const v1 = JSON.stringify({
      schemaVersion: 1,
      tool: 'track-performance',
      kind: 'history',
      branch: 'main',
      runs: [makeRun('c', at(0)), { timestamp: at(1) }],
    });
    expect(errorOf(v1).message).toContain('$.runs[1] is not a run file');
  });
});

describe('a 0.1.0 history with short metric columns', () => {
  const heap = (v: number) => ({ heapUsed: { unit: 'B' as const, direction: 'smaller' as const, value: v } });
  // What 0.1.0 wrote: b was absent from c2 and c4, and its metric's columns were not padded there.
  const runs = [
    makeRun('c1', at(0), [bench('a', 1, { metrics: heap(10) }), bench('b', 2, { metrics: heap(20) })]),
    makeRun('c2', at(1), [bench('a', 3, { metrics: heap(30) })]),
    makeRun('c3', at(2), [bench('a', 4, { metrics: heap(40) }), bench('b', 5, { metrics: heap(50) })]),
    makeRun('c4', at(3), [bench('a', 6, { metrics: heap(60) })]),
  ];
  function oldFile(): string {
    const doc = runs.reduce((d, r) => insertRun(d, r), emptyHistory('main'));
    const m = doc.benchmarks['suite/b']!.metrics!.heapUsed!;
    for (const col of [m.value, m.samples, ...Object.values(m.stats)]) {
      col.splice(3, 1);
      col.splice(1, 1);
    }
    return serializeHistory(doc);
  }

  it('is repaired on read, with a note, and gives back the runs as they were measured', () => {
    const notes: string[] = [];
    const doc = parseHistory(oldFile(), 'benchmarks/main.json', (m) => notes.push(m));
    expect(toRuns(doc)).toEqual(toRuns(runs.reduce((d, r) => insertRun(d, r), emptyHistory('main'))));
    expect(notes).toEqual([expect.stringMatching(/benchmarks\/main\.json: 1 metric column was shorter .*0\.1\.0.*repaired on read/)]);
  });

  it('is refused when the short column does not fit that shape (a metric where its benchmark was absent)', () => {
    const doc = JSON.parse(oldFile());
    doc.benchmarks['suite/b'].metrics.heapUsed.value = [20, 50, 7]; // three cells for two absences of four
    expect(errorOf(JSON.stringify(doc)).message).toContain('metrics["heapUsed"].value must be an array of 4 values');
  });
});
