import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { vitestImporter } from '../../src/importers/vitest.js';
import { fixture, hasShared, shared } from './fixtures.js';
import { fuzzImporter, parseError, parseOk, parseText } from './import-checks.js';

interface RawReport {
  files: Array<{ groups: Array<{ fullName: string; benchmarks: Array<Record<string, unknown>> }> }>;
}

describe('vitest bench importer', () => {
  it('reads a real vitest 4 --outputJson report: groups, median ns, hz as throughput', () => {
    const { file, text } = fixture('vitest', 'three-groups.json');
    const raw = JSON.parse(text) as RawReport;
    const out = parseOk(vitestImporter, text, file);
    expect(out.map((b) => [b.group, b.name])).toEqual([
      ['math.bench.ts', 'top-level sort'],
      ['math.bench.ts > fib', 'fib(10)'],
      ['math.bench.ts > fib', 'fib(15) | <b>@here</b>'],
    ]);
    const rawFib = raw.files[0]?.groups[1]?.benchmarks[0] as { median: number; hz: number };
    expect(out[1]).toMatchObject({ unit: 'ns', direction: 'smaller' });
    expect(out[1]?.value).toBeCloseTo(rawFib.median * 1e6, 6);
    expect(out[1]?.metrics?.throughput).toMatchObject({ unit: 'ops/s', direction: 'bigger', value: rawFib.hz });
    // vitest writes "samples": [] in this report: nothing to keep.
    expect(out.every((b) => b.samples === undefined)).toBe(true);
  });

  it('keeps samples when a report carries them', () => {
    const raw = JSON.parse(fixture('vitest', 'three-groups.json').text) as RawReport;
    (raw.files[0]?.groups[0]?.benchmarks[0] as Record<string, unknown>).samples = [0.001, 0.002, 0.0015];
    const [b] = parseOk(vitestImporter, JSON.stringify(raw));
    expect(b?.samples?.map((s) => Math.round(s))).toEqual([1000, 2000, 1500]);
  });

  it('converts ms to ns exactly in decimal (0.00803 ms is 8030 ns, not 8030.000000000001)', () => {
    const raw = JSON.parse(fixture('vitest', 'three-groups.json').text) as RawReport;
    const first = raw.files[0]?.groups[0]?.benchmarks[0] as Record<string, unknown>;
    first.median = 0.00803;
    first.samples = [0.00803, 0.01595];
    const [b] = parseOk(vitestImporter, JSON.stringify(raw));
    expect(b?.value).toBe(8030);
    expect(b?.samples).toEqual([8030, 15950]);
  });

  it.skipIf(!hasShared)('reads published reports', () => {
    const out = parseOk(vitestImporter, shared('bencher/js_vitest__four.json').text);
    expect(out.map((b) => [b.group, b.name, b.value])).toEqual([
      ['fib.bench.ts > fibonacci', 'fib(10)', 750000],
      ['fib.bench.ts > fibonacci', 'fib(20)', 1500000],
      ['sort.bench.ts > sorting', 'normal', 4000000],
      ['sort.bench.ts > sorting', 'reverse', 8000000],
    ]);
  });

  it('returns null for other JSON; names the JSON path of a broken benchmark', () => {
    expect(parseText(vitestImporter, '{"files":["a.ts"]}', 'x.json')).toBeNull();
    expect(parseText(vitestImporter, '{"benchmarks":[]}', 'x.json')).toBeNull();
    const raw = JSON.parse(fixture('vitest', 'three-groups.json').text) as RawReport;
    delete raw.files[0]?.groups[1]?.benchmarks[1]?.hz;
    expect(parseError(vitestImporter, JSON.stringify(raw), 'v.json').location).toBe('$.files[0].groups[1].benchmarks[1].hz');
    const text = fixture('vitest', 'three-groups.json').text;
    const cut = text.slice(0, text.length - 40);
    expect(parseError(vitestImporter, cut, 'cut.json').location).toBe(cut.split('\n').length);
  });

  it('fails cleanly on mutated and random input', () => {
    fuzzImporter(vitestImporter, fixture('vitest', 'three-groups.json').text);
  });
});

describe('vitest bench importer on a live run', () => {
  it('reads what the installed vitest writes with --outputJson', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitest-bench-'));
    symlinkSync(join(process.cwd(), 'node_modules'), join(dir, 'node_modules'), 'dir');
    writeFileSync(join(dir, 'vitest.config.mjs'), 'export default { test: { include: ["*.bench.mjs"] } };\n');
    writeFileSync(
      join(dir, 'a.bench.mjs'),
      "import { bench, describe } from 'vitest';\ndescribe('g | @x', () => { bench('sum <b>', () => { [1, 2].reduce((a, b) => a + b, 0); }, { time: 20, iterations: 10 }); });\n",
    );
    const out = join(dir, 'out.json');
    const vitestBin = join(process.cwd(), 'node_modules', 'vitest', 'vitest.mjs');
    const run = spawnSync(process.execPath, [vitestBin, 'bench', '--run', '--outputJson', out], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const [b] = parseOk(vitestImporter, readFileSync(out, 'utf8'), out);
    expect(b).toMatchObject({ name: 'sum <b>', group: 'a.bench.mjs > g | @x', unit: 'ns', direction: 'smaller' });
    expect(b?.metrics?.throughput?.value).toBeGreaterThan(0);
  });
});
