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

/**
 * `value × 10^exp` without binary rounding error: the decimal point is moved in the decimal
 * text, so `14.7587 µs` becomes 14758.7 ns (not 14758.699999999999).
 */
export function shiftDecimal(value: number | string, exp: number): number {
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:[eE]([+-]?\d+))?$/.exec(String(value).replace(/,/g, ''));
  if (!m) return Number(value) * 10 ** exp;
  return Number(`${m[1]}e${Number(m[2] ?? 0) + exp}`);
}

/** `value` (a number or its decimal text) in `unit` as nanoseconds; undefined for a non-time unit. */
export function toNs(value: number | string, unit: string): number | undefined {
  if (!Object.hasOwn(NS_PER, unit)) return undefined;
  const factor = NS_PER[unit] as number;
  const exp = Math.log10(factor);
  return Number.isInteger(exp) ? shiftDecimal(value, exp) : Number(value) * factor;
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
