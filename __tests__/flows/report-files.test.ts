import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeJson, writeOutputs } from '../../src/flows/report-files.js';
import { redactor } from '../../src/model/redact.js';
import type { Report, RunFile } from '../../src/model/index.js';

const SECRET = 'hunter2-s3cret';
const redact = redactor([SECRET]);
const dir = () => mkdtempSync(join(tmpdir(), 'tp-report-files-'));

describe('writeJson with a redactor', () => {
  it('replaces the secret in every string, in keys, inside arrays and nested objects, and keeps everything else', async () => {
    const file = join(dir(), 'sub', 'doc.json');
    const doc = {
      plain: 'nothing to hide',
      error: `curl -H "Authorization: ${SECRET}" failed`,
      list: [1, `a ${SECRET} b ${SECRET}`, null, true, { deep: [SECRET] }],
      [`key-${SECRET}`]: { n: 1.5, [SECRET]: 'value' },
      gone: undefined,
    };
    await writeJson(file, doc, redact);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(SECRET);
    expect(JSON.parse(text)).toEqual({
      plain: 'nothing to hide',
      error: 'curl -H "Authorization: ***" failed',
      list: [1, 'a *** b ***', null, true, { deep: ['***'] }],
      'key-***': { n: 1.5, '***': 'value' },
    });
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "plain": "nothing to hide",'); // pretty-printed as before
  });

  it('redacts a secret that JSON escapes (a quote, a backslash) and writes valid JSON', async () => {
    const file = join(dir(), 'doc.json');
    const secret = 'se"cr\\et-42';
    await writeJson(file, { message: `failed with ${secret}`, [secret]: 1 }, redactor([secret]));
    const text = readFileSync(file, 'utf8');
    expect(JSON.parse(text)).toEqual({ message: 'failed with ***', '***': 1 });
    expect(text).not.toContain(JSON.stringify(secret).slice(1, -1));
  });

  it('writes a document without secrets as JSON.stringify does, with a redactor too', async () => {
    const file = join(dir(), 'doc.json');
    const doc = { name: 'fine', nested: { list: [1, 'two', null] } };
    await writeJson(file, doc, redact);
    expect(readFileSync(file, 'utf8')).toBe(`${JSON.stringify(doc, null, 2)}\n`);
  });

  it('writes the document unchanged without a redactor, and leaves the value it was given as it was', async () => {
    const file = join(dir(), 'doc.json');
    const doc = { name: SECRET, nested: { [SECRET]: [SECRET] } };
    await writeJson(file, doc);
    expect(readFileSync(file, 'utf8')).toBe(`${JSON.stringify(doc, null, 2)}\n`);
    await writeJson(file, doc, redact);
    expect(doc).toEqual({ name: SECRET, nested: { [SECRET]: [SECRET] } });
  });
});

describe('writeOutputs', () => {
  it('redacts both the report and the run file', async () => {
    const out = dir();
    const report = { benchmarks: [{ name: `bench ${SECRET}`, error: SECRET }] } as unknown as Report;
    const run = { commit: 'abc', benchmarks: [{ id: `s/${SECRET}` }] } as unknown as RunFile;
    const paths = await writeOutputs(out, report, run, redact);
    expect(JSON.parse(readFileSync(paths.report, 'utf8'))).toEqual({ benchmarks: [{ name: 'bench ***', error: '***' }] });
    expect(JSON.parse(readFileSync(paths.run!, 'utf8'))).toEqual({ commit: 'abc', benchmarks: [{ id: 's/***' }] });
  });
});
