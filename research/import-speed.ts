/**
 * Import speed: the time `importFile` takes on a large hyperfine export (200 commands × 1,000
 * runs), a large Google Benchmark JSON (2,000 benchmarks × 10 repetitions) and a custom JSON file
 * (2,000 entries × 30 samples), and how many times each goes through `JSON.parse`.
 * Run: `npm run bench:import-speed` (this checkout), or
 * `npm run bench:import-speed -- --before /work/main` to print another checkout's figures beside.
 * Each figure is the median of 7 imports after 2 warm-up imports; the checkouts take turns.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

type ImportFile = (file: string) => Promise<{ run: { benchmarks: unknown[] } }>;

const REPEATS = 7;
const WARMUP = 2;

/** A deterministic uniform generator (LCG, Numerical Recipes constants) so every run reads the same files. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function hyperfineText(): string {
  const rnd = lcg(1);
  const results = Array.from({ length: 200 }, (_, c) => {
    const times = Array.from({ length: 1_000 }, () => 0.01 * (1 + c / 100) * (1 + rnd() * 0.05));
    const sorted = [...times].sort((a, b) => a - b);
    const mean = times.reduce((s, x) => s + x, 0) / times.length;
    return {
      command: `cmd ${c}`,
      mean,
      stddev: mean * 0.01,
      median: sorted[500],
      user: mean / 2,
      system: mean / 10,
      min: sorted[0],
      max: sorted[999],
      times,
    };
  });
  return JSON.stringify({ results }, null, 2);
}

function googleBenchmarkText(): string {
  const rnd = lcg(2);
  const benchmarks = [];
  for (let b = 0; b < 2_000; b++) {
    for (let r = 0; r < 10; r++) {
      const t = 100 * (1 + b / 50) * (1 + rnd() * 0.05);
      benchmarks.push({
        name: `BM_Thing/${b}`,
        family_index: b,
        per_family_instance_index: 0,
        run_name: `BM_Thing/${b}`,
        run_type: 'iteration',
        repetitions: 10,
        repetition_index: r,
        threads: 1,
        iterations: 100_000,
        real_time: t,
        cpu_time: t * 0.99,
        time_unit: 'ns',
        items_per_second: 1e9 / t,
      });
    }
  }
  return JSON.stringify({ context: { date: '2026-12-01T00:00:00+00:00', executable: './bench', num_cpus: 2 }, benchmarks }, null, 2);
}

function customText(): string {
  const rnd = lcg(3);
  const benchmarks = Array.from({ length: 2_000 }, (_, i) => ({
    name: `entry ${i}`,
    group: `group ${i % 20}`,
    unit: 'ms',
    direction: 'smaller',
    samples: Array.from({ length: 30 }, () => 12 * (1 + rnd() * 0.05)),
    metrics: { peakRss: { unit: 'MiB', direction: 'smaller', value: 40 + (i % 7) } },
  }));
  return JSON.stringify({ benchmarks }, null, 2);
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;

interface Figures {
  ms: number;
  parses: number;
  benchmarks: number;
}

/** JSON.parse calls of one import of `file`, and its benchmark count. */
async function countParses(importFile: ImportFile, file: string): Promise<{ parses: number; benchmarks: number }> {
  const realParse = JSON.parse;
  let parses = 0;
  JSON.parse = ((...args: Parameters<typeof JSON.parse>) => (parses++, realParse(...args))) as typeof JSON.parse;
  try {
    const { run } = await importFile(file);
    return { parses, benchmarks: run.benchmarks.length };
  } finally {
    JSON.parse = realParse;
  }
}

/**
 * Median milliseconds of importing `file` with each checkout's importFile. The checkouts take
 * turns import by import, so a busy machine slows them alike.
 */
async function measure(versions: ImportFile[], file: string): Promise<Figures[]> {
  const times = versions.map(() => [] as number[]);
  for (let round = 0; round < WARMUP + REPEATS; round++) {
    for (const [v, importFile] of versions.entries()) {
      const t0 = performance.now();
      await importFile(file);
      if (round >= WARMUP) times[v]!.push(performance.now() - t0);
    }
  }
  const out: Figures[] = [];
  // One at a time: each count patches the global JSON.parse.
  for (const [v, importFile] of versions.entries()) out.push({ ms: median(times[v]!), ...(await countParses(importFile, file)) });
  return out;
}

async function load(root: string): Promise<ImportFile> {
  // src/importers/ today; src/bench/importers/ in checkouts from before the layout move.
  const dir = existsSync(join(root, 'src', 'importers')) ? join(root, 'src', 'importers') : join(root, 'src', 'bench', 'importers');
  const mod = (await import(pathToFileURL(join(dir, 'index.ts')).href)) as { importFile: ImportFile };
  return mod.importFile;
}

const args = process.argv.slice(2);
const beforeAt = args.indexOf('--before');
const before = beforeAt >= 0 ? resolve(args[beforeAt + 1] ?? '') : undefined;
const here = resolve(import.meta.dirname, '..');

const dir = mkdtempSync(join(tmpdir(), 'tp-import-speed-'));
try {
  const files: Array<[string, string]> = [
    ['hyperfine 200 × 1,000', hyperfineText()],
    ['googlebenchmark 2,000 × 10', googleBenchmarkText()],
    ['custom 2,000 × 30', customText()],
  ].map(([label, text], i) => {
    const file = join(dir, `input-${i}.json`);
    writeFileSync(file, text as string);
    return [`${label} (${((text as string).length / 1e6).toFixed(1)} MB)`, file];
  });
  const versions = [await load(here), ...(before ? [await load(before)] : [])];
  console.log(`import speed: median of ${REPEATS} imports (node ${process.version})${before ? `; before = ${before}` : ''}`);
  for (const [label, file] of files) {
    const [a, b] = (await measure(versions, file)) as [Figures, Figures | undefined];
    const was = b ? `before ${b.ms.toFixed(0)} ms, ${b.parses} JSON.parse · ` : '';
    console.log(
      `  ${label}: ${was}now ${a.ms.toFixed(0)} ms, ${a.parses} JSON.parse${b ? ` (${(b.ms / a.ms).toFixed(2)}× faster)` : ''} · ${a.benchmarks} benchmarks`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
