/**
 * Values in their base units scaled for reading (`1.23 ms`, `45.6 MiB`, `0.95`). Shared by the
 * statistics' messages, the CLI and the report, so a value reads the same everywhere. No locale
 * dependence: the same report renders the same on every machine.
 */
import type { BaseUnit } from './types.js';

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
