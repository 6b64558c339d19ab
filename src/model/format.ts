/**
 * Values in their base units scaled for reading (`1.23 ms`, `45.6 MiB`, `0.95`). Shared by the
 * statistics' messages, the CLI and the report, so a value reads the same everywhere. No locale
 * dependence: the same report renders the same on every machine.
 */
import type { BaseUnit } from './run-file.js';

const TIME: Array<[number, string]> = [
  [1e9, 's'],
  [1e6, 'ms'],
  [1e3, 'µs'],
  [1, 'ns'],
];
const BYTES: Array<[number, string]> = [
  [1024 ** 3, 'GiB'],
  [1024 ** 2, 'MiB'],
  [1024, 'KiB'],
  [1, 'B'],
];

/** Three significant digits, without exponent notation for ordinary magnitudes. */
export function sig(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (abs >= 1e15 || abs < 1e-6) return x.toExponential(2);
  if (abs >= 100) return Math.round(x).toString();
  return Number(x.toPrecision(3)).toString();
}

/** A value with its unit, scaled: `1.23 ms`, `45.6 MiB`, `1.2e+06 ops/s`, `0.95`. */
export function formatValue(value: number, unit: BaseUnit | undefined): string {
  const scale = unit === 'ns' ? TIME : unit === 'B' ? BYTES : undefined;
  if (scale) {
    const abs = Math.abs(value);
    const [factor, name] = scale.find(([f]) => abs >= f) ?? scale[scale.length - 1]!;
    return `${sig(value / factor)} ${name}`;
  }
  if (unit === '%') return `${sig(value)}%`;
  if (!unit || unit === 'ratio') return sig(value);
  return `${sig(value)} ${unit}`;
}

/** A relative change as a signed percentage: `+12.3%`, `-4.0%`, `0.0%`. */
export function formatChange(change: number): string {
  const pct = change * 100;
  const text = Math.abs(pct).toFixed(Math.abs(pct) >= 100 ? 0 : 1);
  if (/^0(\.0)?$/.test(text)) return `${text}%`;
  return `${pct > 0 ? '+' : '-'}${text}%`;
}

/** A confidence interval of a change: `[+8.1%, +16.0%]`. */
export function formatInterval(ci: [number, number] | undefined): string {
  return ci ? `[${formatChange(ci[0])}, ${formatChange(ci[1])}]` : '';
}

const BARS = '▁▂▃▄▅▆▇█';

/**
 * A sparkline of the values, one bar each, scaled from their minimum to their maximum. Flat
 * series draw at mid height; non-finite values draw as a space. At most `maxPoints` (the most
 * recent ones).
 */
export function sparkline(values: number[], maxPoints = 20): string {
  const points = values.slice(-maxPoints);
  const finite = points.filter(Number.isFinite);
  if (finite.length === 0) return '';
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  return points
    .map((v) => {
      if (!Number.isFinite(v)) return ' ';
      if (hi === lo) return BARS[3];
      return BARS[Math.min(BARS.length - 1, Math.floor(((v - lo) / (hi - lo)) * BARS.length))];
    })
    .join('');
}
