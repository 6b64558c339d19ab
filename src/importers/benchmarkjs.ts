/**
 * benchmark.js console lines, as `String(benchmark)` prints them in a suite's `cycle` handler:
 * `name x 1,234.5 ops/sec ±0.74% (93 runs sampled)`. Throughput, bigger is better. Other lines
 * are ignored; a name printed on several lines gets one sample per line.
 */
import { ImportError } from '../model/errors.js';
import type { ImportInput, ImportedBenchmark } from './types.js';
import { defineImporter } from './types.js';

const FORMAT = 'benchmarkjs';
// Greedy name: the last " x <number> ops/sec" is the measurement (names may contain " x ").
const LINE = /^(.+) x ([\d,]+(?:\.\d+)?) ops\/sec [±+-]{1,2}\s*([\d.]+)% \((\d+) runs? sampled\)\s*$/;

/** benchmark.js console output. */
export const benchmarkjsImporter = defineImporter({
  format: FORMAT,
  produce: "node bench.js > out.txt (suite.on('cycle', e => console.log(String(e.target))))",
  detect,
  read({ text, file }) {
    const found = new Map<string, number[]>();
    text.split(/\r?\n/).forEach((raw, i) => {
      const line = raw.trim();
      if (!line.includes(' ops/sec')) return;
      const m = LINE.exec(line);
      if (!m) {
        if (/ x [\d,.]+ ops\/sec/.test(line)) {
          throw new ImportError(
            `${file}:${i + 1}: expected "NAME x OPS ops/sec ±RME% (N runs sampled)", got ${JSON.stringify(line.slice(0, 80))}`,
            file,
            FORMAT,
            i + 1,
          );
        }
        return;
      }
      const [, name, ops] = m as unknown as [string, string, string];
      found.set(name, [...(found.get(name) ?? []), Number(ops.replaceAll(',', ''))]);
    });
    // benchmark.js prints only the mean rate; its ±RME and run count are not samples.
    return [...found].map(([name, ops]): ImportedBenchmark => {
      const out: ImportedBenchmark = { name, unit: 'ops/s', direction: 'bigger', value: ops[0] };
      if (ops.length > 1) out.samples = ops;
      return out;
    });
  },
});

/** A result line, or a line that tries to be one (then read reports it). */
function detect({ text }: ImportInput): boolean {
  if (!text.includes(' ops/sec')) return false;
  return text.split(/\r?\n/).some((raw) => {
    const line = raw.trim();
    return line.includes(' ops/sec') && (LINE.test(line) || / x [\d,.]+ ops\/sec/.test(line));
  });
}
