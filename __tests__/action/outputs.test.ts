import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setOutput } from '../../src/action/outputs.js';
import { parseOutputs } from '../helpers/action-process.js';

const saved = process.env.GITHUB_OUTPUT;
afterEach(() => {
  if (saved === undefined) delete process.env.GITHUB_OUTPUT;
  else process.env.GITHUB_OUTPUT = saved;
});

function outputFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'tp-outputs-')), 'output');
  writeFileSync(file, '');
  process.env.GITHUB_OUTPUT = file;
  return file;
}

describe('setOutput', () => {
  it('writes a one-line value as name=value, and a value with line breaks in the multi-line form', () => {
    const file = outputFile();
    setOutput('verdict', 'pass');
    setOutput('regressions', 0);
    setOutput('report', '/tmp/a b=c<<d/report.json');
    setOutput('notes', 'first line\nsecond line');
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n').slice(0, 3)).toEqual(['verdict=pass', 'regressions=0', 'report=/tmp/a b=c<<d/report.json']);
    expect(text).toMatch(/^notes<<ghadelimiter_[\w-]+\nfirst line\nsecond line\nghadelimiter_[\w-]+$/m);
    expect(parseOutputs(text)).toEqual({
      verdict: 'pass',
      regressions: '0',
      report: '/tmp/a b=c<<d/report.json',
      notes: 'first line\nsecond line',
    });
  });
});
