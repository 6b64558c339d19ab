import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat, importFile, importers, parseImport } from '../../src/importers/index.js';
import { fixture } from './fixtures.js';
import { importErrorOf } from './import-checks.js';

describe('importer registry', () => {
  it('has unique format names and a way to produce each', () => {
    const names = importers.map((i) => i.format);
    expect(new Set(names).size).toBe(names.length);
    for (const i of importers) expect(i.produce.length).toBeGreaterThan(5);
  });

  it('detects hyperfine and builds a RunFile with suite, id, timestamp and source', () => {
    const { file, text } = fixture('hyperfine', 'two.json');
    expect(detectFormat(text, file)?.format).toBe('hyperfine');
    const { run } = parseImport(text, file, { suite: 'cli', timestamp: '2026-01-02T03:04:05.000Z' });
    expect(run).toMatchObject({
      schemaVersion: 1,
      tool: 'track-performance',
      timestamp: '2026-01-02T03:04:05.000Z',
      source: { format: 'hyperfine', file },
    });
    expect(run.benchmarks[0]).toMatchObject({ id: 'cli/sleep 0.01', suite: 'cli', name: 'sleep 0.01' });
  });

  it('merges repeated entries of one benchmark into samples of one benchmark', () => {
    const text = JSON.stringify({
      results: [
        { command: 'a', mean: 1, user: 0.5 },
        { command: 'a', mean: 3, user: 0.7 },
      ],
    });
    const [b] = parseImport(text, 'rep.json').run.benchmarks;
    expect(b).toMatchObject({ name: 'a', samples: [1e9, 3e9], value: 2e9, stats: { n: 2 } });
    expect(b?.metrics?.cpuUser?.samples).toEqual([0.5e9, 0.7e9]);
  });

  it('reads its own run file back unchanged and validates it', () => {
    const { file, text } = fixture('hyperfine', 'two.json');
    const { run } = parseImport(text, file, { timestamp: '2026-01-01T00:00:00.000Z' });
    const again = parseImport(JSON.stringify(run), 'run.json');
    expect(again.format).toBe('track-performance');
    expect(again.run).toEqual(run);
    const broken = { ...run, benchmarks: [{ ...run.benchmarks[0], direction: 'up' }] };
    expect(importErrorOf(() => parseImport(JSON.stringify(broken), 'run.json')).location).toBe('$.benchmarks[0].direction');
  });

  it("keeps a run file's scaling sweeps and names a bad level by its path", () => {
    const scaling = [
      { suite: 'crawl', command: 'node c.js {N}', unit: 'pages', levels: [{ n: 1, throughputs: [10, 11], metrics: { accuracy: [0.99] } }] },
    ];
    const doc = { schemaVersion: 1, tool: 'track-performance', timestamp: '2026-01-01T00:00:00.000Z', benchmarks: [], scaling };
    expect(parseImport(JSON.stringify(doc), 'run.json').run.scaling).toEqual(scaling);
    const bad = { ...doc, scaling: [{ ...scaling[0], levels: [{ n: 0, throughputs: [10] }] }] };
    const e = importErrorOf(() => parseImport(JSON.stringify(bad), 'run.json'));
    expect(e.location).toBe('$.scaling[0].levels[0].n');
    expect(e.message).toBe('run.json: scaling suite "crawl": $.scaling[0].levels[0].n: expected a level N ≥ 1, got 0');
  });

  it('asks to upgrade for a newer run file schema', () => {
    const e = importErrorOf(() => parseImport(JSON.stringify({ tool: 'track-performance', schemaVersion: 2, benchmarks: [] }), 'new.json'));
    expect(e.message).toMatch(/schemaVersion 2.*upgrade track-performance/);
    expect(e.location).toBe('$.schemaVersion');
  });

  it.each([
    ['empty input', '  \n', /empty/],
    ['binary garbage', 'ab\u0000\u0001\u0002cd', /binary data/],
    ['unrecognised text', 'hello world\n', /unrecognised benchmark output; expected one of: .*hyperfine/],
  ])('rejects %s with file and line', (_label, text, message) => {
    const e = importErrorOf(() => parseImport(text, 'in.txt'));
    expect(e.message).toMatch(message);
    expect(e).toMatchObject({ file: 'in.txt', location: 1 });
  });

  it('rejects an unknown or wrong forced format', () => {
    const { file, text } = fixture('hyperfine', 'two.json');
    expect(importErrorOf(() => parseImport(text, file, { format: 'nope' })).message).toMatch(/unknown format "nope"; expected one of/);
    const other = importers.find((i) => i.format !== 'hyperfine');
    if (other) expect(importErrorOf(() => parseImport(text, file, { format: other.format })).message).toMatch(/was forced/);
  });

  it('rejects a format with zero benchmarks', () => {
    expect(importErrorOf(() => parseImport('{"results": []}', 'z.json')).message).toMatch(/no benchmarks found/);
  });

  it('reads files from disk and names a missing one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tp-import-'));
    const path = join(dir, 'h.json');
    writeFileSync(path, fixture('hyperfine', 'named.json').text);
    expect((await importFile(path)).run.benchmarks[0]?.name).toBe('<b>@octocat | *bold*</b>');
    await expect(importFile(join(dir, 'missing.json'))).rejects.toThrow(/missing\.json: cannot read the file \(ENOENT\)/);
  });
});
