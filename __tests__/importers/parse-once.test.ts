/** Each file is decoded once and parsed once, however many formats look at it. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { importFile, parseImport } from '../../src/importers/index.js';
import { fixture } from './fixtures.js';

afterEach(() => vi.restoreAllMocks());

/** JSON.parse calls made while `fn` runs. */
async function parsesDuring(fn: () => Promise<unknown>): Promise<number> {
  const spy = vi.spyOn(JSON, 'parse');
  await fn();
  const calls = spy.mock.calls.length;
  spy.mockRestore();
  return calls;
}

describe('parse once', () => {
  it.each([
    ['hyperfine', 'two.json', 'hyperfine'],
    ['custom', 'model-metrics.json', 'custom'],
    ['googlebenchmark', 'reps.json', 'googlebenchmark'],
    ['vitest', 'three-groups.json', 'vitest'],
  ])('reads a %s file (%s) with one JSON.parse, detection included', async (tool, name, format) => {
    const { file } = fixture(tool, name);
    let detected = '';
    expect(await parsesDuring(async () => (detected = (await importFile(file)).format))).toBe(1);
    expect(detected).toBe(format);
  });

  it('reads its own run file with one JSON.parse', async () => {
    const { file, text } = fixture('hyperfine', 'two.json');
    const path = join(mkdtempSync(join(tmpdir(), 'tp-once-')), 'run.json');
    writeFileSync(path, JSON.stringify(parseImport(text, file).run));
    expect(await parsesDuring(() => importFile(path))).toBe(1);
  });

  it('parses text formats without JSON.parse', async () => {
    const { file } = fixture('go', 'count.txt');
    expect(await parsesDuring(() => importFile(file))).toBe(0);
  });
});
