import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseImport } from '../../src/importers/index.js';
import { gnuTimeImporter } from '../../src/importers/gnu-time.js';
import { fixture } from './fixtures.js';
import { fuzzImporter, parseError, parseOk, parseText } from './import-checks.js';

const TIME = '/usr/bin/time';
const hasGnuTime = existsSync(TIME) && spawnSync(TIME, ['-v', 'true'], { encoding: 'utf8' }).stderr.includes('Command being timed');

describe('GNU time -v importer', () => {
  it('makes three runs of one command three samples: wall ns, CPU ns, peak RSS bytes', () => {
    const { file, text } = fixture('gnu-time', 'three-runs.txt');
    const out = parseOk(gnuTimeImporter, text, file);
    expect(out).toHaveLength(1);
    const [b] = out;
    expect(b).toMatchObject({ name: 'python3 -c x=[0]*3000000; sum(range(2000000))', unit: 'ns', direction: 'smaller' });
    const wall = [...text.matchAll(/Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): 0:(\d+\.\d+)/g)].map((m) =>
      Math.round(Number(m[1]) * 1e9),
    );
    const rss = [...text.matchAll(/Maximum resident set size \(kbytes\): (\d+)/g)].map((m) => Number(m[1]) * 1024);
    const user = [...text.matchAll(/User time \(seconds\): (\d+\.\d+)/g)].map((m) => Math.round(Number(m[1]) * 1e9));
    expect(wall).toHaveLength(3);
    expect(b?.samples).toEqual(wall);
    expect(b?.metrics?.peakRss).toMatchObject({ unit: 'B', direction: 'smaller', samples: rss });
    expect(b?.metrics?.cpuUser?.samples).toEqual(user);
    expect(b?.metrics?.cpuSystem?.samples).toHaveLength(3);
    expect(b?.metrics?.successRate).toMatchObject({ unit: 'ratio', direction: 'bigger', value: 1 });
  });

  it("skips the command's own output and records a failed exit in successRate", () => {
    const [b] = parseOk(gnuTimeImporter, fixture('gnu-time', 'nonzero-exit.txt').text);
    expect(b?.name).toBe('sh -c echo program stderr line >&2; exit 3');
    expect(b?.metrics?.successRate?.value).toBe(0);
    expect(b?.samples).toBeUndefined();
    expect(b?.metrics?.peakRss?.value).toBe(1396 * 1024);
  });

  it('reads hours in the wall clock field', () => {
    const text = fixture('gnu-time', 'three-runs.txt').text.split('\tCommand being timed').slice(0, 2).join('\tCommand being timed');
    const [b] = parseOk(gnuTimeImporter, text.replace(/0:00\.\d+/, '1:02:03'));
    expect(b?.value).toBe((3600 + 2 * 60 + 3) * 1e9);
  });

  it('returns null for other text; names the line of a broken or cut-off report', () => {
    expect(parseText(gnuTimeImporter, 'real 0m0.1s\nuser 0m0.0s\n', 'bash-time.txt')).toBeNull();
    const text = fixture('gnu-time', 'three-runs.txt').text;
    const bad = text.replace('User time (seconds): 0.', 'User time (seconds): x.');
    expect(parseError(gnuTimeImporter, bad, 't.txt').location).toBe(2);
    const cut = text.slice(0, text.indexOf('Maximum resident'));
    const err = parseError(gnuTimeImporter, cut, 't.txt');
    expect(err.location).toBe(1);
    expect(err.message).toContain('lacks rss');
  });

  it('fails cleanly on mutated and random input', () => {
    fuzzImporter(gnuTimeImporter, fixture('gnu-time', 'nonzero-exit.txt').text);
  });
});

describe.skipIf(!hasGnuTime)('GNU time -v importer on a live run (needs Debian package "time")', () => {
  it('reads what /usr/bin/time -v writes now, twice for one command', () => {
    const runs = [0, 1].map(() => spawnSync(TIME, ['-v', 'sh', '-c', 'echo out; echo err >&2'], { encoding: 'utf8' }).stderr);
    const [b] = parseOk(gnuTimeImporter, runs.join(''));
    expect(b).toMatchObject({ name: 'sh -c echo out; echo err >&2', unit: 'ns', direction: 'smaller' });
    expect(b?.samples).toHaveLength(2);
    // The headline value of sampled metrics is made by assembly (the samples' median).
    expect(parseImport(runs.join(''), 'time.txt').run.benchmarks[0]?.metrics?.peakRss?.value).toBeGreaterThan(0);
    expect(b?.metrics?.successRate?.value).toBe(1);
  });
});
