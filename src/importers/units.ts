/**
 * Unit conversion at the import edge: time → ns, memory → bytes, rates kept as the tool wrote
 * them. Powers of ten move the decimal point instead of multiplying, and units smaller than the
 * base divide, so `320.62 ps` stays 0.32062 exactly; other factors (60e9, 1024) multiply once.
 */
import type { BaseUnit, Direction } from '../model/index.js';

/** Nanoseconds per unit of time, for every spelling the supported tools print. */
const NS_PER: Record<string, number> = {
  ps: 1e-3,
  ns: 1,
  us: 1e3,
  µs: 1e3, // U+00B5 micro sign
  μs: 1e3, // U+03BC Greek mu (libtest prints this one)
  ms: 1e6,
  s: 1e9,
  sec: 1e9,
  min: 60e9,
  h: 3600e9,
  hr: 3600e9, // JMH's TimeUnit.HOURS
};

/** Bytes per memory unit, keyed lower-case: KB, MB, GB are decimal, KiB, MiB, GiB binary. */
const BYTES_PER: Record<string, number> = {
  b: 1,
  byte: 1,
  bytes: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
};

/** Nanoseconds per `unit` (case-sensitive: `ms` is not `Ms`), or undefined when it is not a time unit. */
export function nsPer(unit: string): number | undefined {
  return Object.hasOwn(NS_PER, unit) ? NS_PER[unit] : undefined;
}

/** Bytes per `unit` (case-insensitive), or undefined when it is not a memory unit. */
export function bytesPer(unit: string): number | undefined {
  const key = unit.toLowerCase();
  return Object.hasOwn(BYTES_PER, key) ? BYTES_PER[key] : undefined;
}

/** True when `unit` is a time unit this module can convert. */
export function isTimeUnit(unit: string): boolean {
  return nsPer(unit) !== undefined;
}

/**
 * `value × 10^exp` without binary rounding error: the decimal point is moved in the decimal
 * text, so `14.7587 µs` becomes 14758.7 ns (not 14758.699999999999).
 */
export function shiftDecimal(value: number | string, exp: number): number {
  if (typeof value === 'number') {
    // Fast path (a million samples a file): a finite number's shortest text without an exponent.
    const text = String(value);
    if (Number.isFinite(value) && !text.includes('e')) return Number(`${text}e${exp}`);
  }
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:[eE]([+-]?\d+))?$/.exec(String(value).replace(/,/g, ''));
  if (!m) return Number(value) * 10 ** exp;
  return Number(`${m[1]}e${Number(m[2] ?? 0) + exp}`);
}

/** `value × factor`, exact in decimal when the factor is a power of ten (1e-3, 1e6, 1e9). */
export function scaleBy(value: number | string, factor: number): number {
  const exp = Math.log10(factor);
  return Number.isInteger(exp) ? shiftDecimal(value, exp) : Number(value) * factor;
}

/** `value` (a number or its decimal text) in `unit` as nanoseconds; undefined for a non-time unit. */
export function toNs(value: number | string, unit: string): number | undefined {
  const factor = nsPer(unit);
  return factor === undefined ? undefined : scaleBy(value, factor);
}

/**
 * A value in a known time or memory unit converted to ns or B; other units are kept. `factor`
 * converts the value's samples too (through scaleBy).
 */
export function toBaseUnit(value: number, unit: string): { value: number; unit: string; factor: number } {
  const ns = nsPer(unit);
  if (ns !== undefined) return { value: scaleBy(value, ns), unit: 'ns', factor: ns };
  const bytes = bytesPer(unit);
  if (bytes !== undefined) return { value: scaleBy(value, bytes), unit: 'B', factor: bytes };
  return { value, unit, factor: 1 };
}

/** SI prefixes of counted things per second (criterion's `Kelem/s`). */
const SI: Record<string, number> = { '': 1, K: 1e3, M: 1e6, G: 1e9 };

/**
 * A throughput `value` (a number or its decimal text) in `unit` as bytes or elements per second:
 * `<memory unit>/s` (KB/s decimal, KiB/s binary) becomes B/s, `[K|M|G]elem/s` elem/s; undefined
 * for other units.
 */
export function toRate(value: number | string, unit: string): { value: number; unit: string } | undefined {
  const per = /^(.+)\/s$/.exec(unit);
  if (!per) return undefined;
  const bytes = bytesPer(per[1] as string);
  if (bytes !== undefined) return { value: scaleBy(value, bytes), unit: 'B/s' };
  const elem = /^([KMG]?)elem$/.exec(per[1] as string);
  return elem ? { value: scaleBy(value, SI[elem[1] as string] as number), unit: 'elem/s' } : undefined;
}

/**
 * Which way is better for a metric the tool does not classify: a rate (`…/s`, `…_per_second`,
 * `ops`) is better when bigger; a cost (time, memory, allocations, `…/op`, counts) when smaller.
 */
export function guessDirection(unitOrName: string): Direction {
  return /(\/s|\/sec|per_?second|per second|ops\b|throughput|hz$|rate$)/i.test(unitOrName) ? 'bigger' : 'smaller';
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
