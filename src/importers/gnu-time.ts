/**
 * GNU time's verbose report (`/usr/bin/time -v CMD`), one block per run, as it writes them to
 * stderr (possibly mixed with the command's own output, which is skipped). The benchmark is the
 * timed command; its wall time is the primary metric (ns). User and system CPU time, peak RSS
 * (bytes) and the share of runs that exited with status 0 are metrics. Repeated blocks of one
 * command become samples of one benchmark.
 */
import { ImportError } from '../model/errors.js';
import type { ImportedBenchmark, ImportedMetric } from './types.js';
import { defineImporter } from './types.js';

const FORMAT = 'gnu-time';
const COMMAND = /^\s*Command being timed: "(.+)"\s*$/;

interface Run {
  line: number;
  wall?: number;
  user?: number;
  sys?: number;
  rss?: number;
  exit?: number;
}

/** Fields read from each block: label → how to store its value. */
const FIELDS: Array<[RegExp, (run: Run, v: string) => boolean]> = [
  [/^User time \(seconds\): (.*)$/, (r, v) => set(r, 'user', seconds(v))],
  [/^System time \(seconds\): (.*)$/, (r, v) => set(r, 'sys', seconds(v))],
  [/^Elapsed \(wall clock\) time \([^)]*\): (.*)$/, (r, v) => set(r, 'wall', clock(v))],
  [/^Maximum resident set size \(kbytes\): (.*)$/, (r, v) => set(r, 'rss', /^\d+$/.test(v) ? Number(v) * 1024 : NaN)],
  [/^Exit status: (.*)$/, (r, v) => set(r, 'exit', /^\d+$/.test(v) ? Number(v) : NaN)],
];

function set(run: Run, key: 'wall' | 'user' | 'sys' | 'rss' | 'exit', v: number): boolean {
  if (!Number.isFinite(v)) return false;
  run[key] = v;
  return true;
}

/** `0.27` seconds → ns. */
function seconds(v: string): number {
  return /^\d+(\.\d+)?$/.test(v) ? Math.round(Number(v) * 1e9) : NaN;
}

/** GNU time's `%E`: `m:ss.cc` or `h:mm:ss` → ns. */
function clock(v: string): number {
  if (!/^\d+(:\d+){1,2}(\.\d+)?$/.test(v)) return NaN;
  const secs = v.split(':').reduce((acc, part) => acc * 60 + Number(part), 0);
  return Math.round(secs * 1e9);
}

/** `/usr/bin/time -v` output. */
export const gnuTimeImporter = defineImporter({
  format: FORMAT,
  produce: '/usr/bin/time -v ./my-program 2> time.txt (append more runs with 2>> time.txt)',
  detect: (input) => input.text.includes('Command being timed: "'),
  read({ text, file }) {
    const runs = new Map<string, Run[]>();
    let current: Run | undefined;
    let command = '';
    const lines = text.split(/\r?\n/);
    lines.forEach((raw, i) => {
      const start = COMMAND.exec(raw);
      if (!start && raw.includes('Command being timed:')) {
        throw new ImportError(`${file}:${i + 1}: expected Command being timed: "COMMAND"`, file, FORMAT, i + 1);
      }
      if (start) {
        if (current) check(current, command, file);
        command = start[1] as string;
        current = { line: i + 1 };
        runs.set(command, [...(runs.get(command) ?? []), current]);
        return;
      }
      if (!current || !/^\s/.test(raw)) return;
      const line = raw.trim();
      for (const [re, store] of FIELDS) {
        const m = re.exec(line);
        if (m && !store(current, (m[1] as string).trim())) {
          throw new ImportError(`${file}:${i + 1}: expected a number in ${JSON.stringify(line)}`, file, FORMAT, i + 1);
        }
      }
    });
    if (current) check(current, command, file);
    return [...runs].map(([name, list]) => toBenchmark(name, list));
  },
});

/** A block must have its wall, CPU and RSS lines: a cut-off block is an error, not a zero. */
function check(run: Run, command: string, file: string): void {
  const missing = (['wall', 'user', 'sys', 'rss'] as const).filter((k) => run[k] === undefined);
  if (missing.length > 0) {
    throw new ImportError(
      `${file}:${run.line}: the report of ${JSON.stringify(command)} lacks ${missing.join(', ')}; expected the full output of /usr/bin/time -v`,
      file,
      FORMAT,
      run.line,
    );
  }
}

function toBenchmark(name: string, runs: Run[]): ImportedBenchmark {
  const col = (k: 'wall' | 'user' | 'sys' | 'rss'): number[] => runs.map((r) => r[k] as number);
  const many = runs.length > 1;
  const metric = (unit: string, values: number[]): ImportedMetric =>
    many ? { unit, direction: 'smaller', samples: values } : { unit, direction: 'smaller', value: values[0] as number };
  const ok = runs.filter((r) => (r.exit ?? 0) === 0).length;
  const out: ImportedBenchmark = {
    name,
    unit: 'ns',
    direction: 'smaller',
    value: col('wall')[0],
    metrics: {
      cpuUser: metric('ns', col('user')),
      cpuSystem: metric('ns', col('sys')),
      peakRss: metric('B', col('rss')),
      successRate: { unit: 'ratio', direction: 'bigger', value: ok / runs.length },
    },
  };
  if (many) out.samples = col('wall');
  return out;
}
