/**
 * `import` writes only what `compare` accepts: the same validation on both sides, through the
 * built CLI run as a process (exit 2 and one clear message for bad input).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST_CLI } from '../helpers/action-process.js';
import { fixture } from './fixtures.js';

function cli(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [DIST_CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'tp-import-cli-'));
}

describe('import and compare validate alike (built CLI)', () => {
  it('rejects bytes that are not UTF-8, naming the file, line and byte offset, in import and compare', () => {
    const dir = tempDir();
    const bytes = Buffer.concat([
      Buffer.from('{"results": [\n {"command": "a'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('b", "times": [1, 2, 3]}]}\n'),
    ]);
    writeFileSync(join(dir, 'latin.json'), bytes);
    const offset = bytes.indexOf(0xff);
    for (const args of [
      ['import', 'latin.json'],
      ['compare', '--baseline', 'latin.json', '--current', 'latin.json'],
    ]) {
      const r = cli(args, dir);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(`latin.json:2: byte ${offset} (0xff) is not valid UTF-8`);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(r.stdout).toBe('');
    }
  });

  it('rejects a statistic that overflows (1e308 samples) in import, naming the benchmark and field', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'big.json'), JSON.stringify([{ name: 'huge', unit: 'ns', direction: 'smaller', samples: [1e308, -1e308, 1] }]));
    const r = cli(['import', 'big.json'], dir);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/big\.json: benchmark "huge": \$\.benchmarks\[0\]\.stats\.stdev: expected a finite number, got Infinity/);
    expect(r.stdout).toBe('');
  });

  it('compare refuses the run file an older import wrote for it (stdev null), with the same message shape', () => {
    const dir = tempDir();
    const run = {
      schemaVersion: 1,
      tool: 'track-performance',
      timestamp: '2026-12-01T00:00:00.000Z',
      benchmarks: [
        {
          id: 'custom/huge',
          suite: 'custom',
          name: 'huge',
          unit: 'ns',
          direction: 'smaller',
          value: 1,
          samples: [1e308, -1e308, 1],
          stats: { n: 3, mean: 1, median: 1, min: -1e308, max: 1e308, stdev: null },
        },
      ],
    };
    writeFileSync(join(dir, 'old.json'), JSON.stringify(run));
    const r = cli(['compare', '--baseline', 'old.json', '--current', 'old.json'], dir);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/old\.json: benchmark "huge": \$\.benchmarks\[0\]\.stats\.stdev: expected a finite number, got null/);
  });

  it('what import writes, compare reads', () => {
    const dir = tempDir();
    const imported = cli(['import', fixture('vitest', 'three-groups.json').file], dir);
    expect(imported.code, imported.stderr).toBe(0);
    writeFileSync(join(dir, 'run.json'), imported.stdout);
    const r = cli(['compare', '--baseline', 'run.json', '--current', 'run.json'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('top-level sort');
  });
});
