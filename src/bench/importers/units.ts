/**
 * Unit conversion at the import edge: time → ns, memory → bytes, rates kept as the tool wrote
 * them. Conversions divide for units smaller than the base so `320.62 ps` stays 0.32062 exactly.
 */
import type { BaseUnit, Direction } from '../../types.js';

/** Nanoseconds per unit of time, for every spelling the supported tools print. */
const NS_PER: Record<string, number> = {
  ps: 1e-3,
  ns: 1,
  us: 1e3,
  'µs': 1e3, // U+00B5 micro sign
  'μs': 1e3, // U+03BC Greek mu (libtest prints this one)
  ms: 1e6,
  s: 1e9,
  sec: 1e9,
  min: 60e9,
  h: 3600e9,
};

/** True when `unit` is a time unit this module can convert. */
export function isTimeUnit(unit: string): boolean {
  return Object.hasOwn(NS_PER, unit);
}

/** `value` in `unit` as nanoseconds, or undefined when `unit` is not a time unit. */
export function toNs(value: number, unit: string): number | undefined {
  if (!Object.hasOwn(NS_PER, unit)) return undefined;
  const factor = NS_PER[unit] as number;
  // Divide by the inverse for sub-ns units: 0.1 ps * 1e-3 is less exact than 0.1 / 1000.
  return factor < 1 ? value / Math.round(1 / factor) : value * factor;
}

/**
 * Which way is better for a metric the tool does not classify: a rate (`…/s`, `…_per_second`,
 * `ops`) is better when bigger; a cost (time, memory, allocations, `…/op`, counts) when smaller.
 */
export function guessDirection(unitOrName: string): Direction {
  return /(\/s|\/sec|per_?second|per second|ops\b|throughput|hz$|rate$)/i.test(unitOrName)
    ? 'bigger'
    : 'smaller';
}

/** A finite number parsed from a tool's text, allowing thousands separators (`18,149`). */
export function parseNumber(text: string): number | undefined {
  const cleaned = text.replace(/,/g, '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(cleaned)) return undefined;
  const n = Number(cleaned);
  return Number.isFinite(n) ? n : undefined;
}

/** A unit string is valid when it is non-empty and printable on one line. */
export function isValidUnit(unit: BaseUnit): boolean {
  return typeof unit === 'string' && unit.length > 0 && !/[\r\n]/.test(unit);
}
