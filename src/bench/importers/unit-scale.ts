/**
 * Unit conversion to the run file's base units: time → ns, memory → bytes, rates → per second.
 * Factors are exact integers or powers of ten so that converting loses no more than one rounding.
 */

const TIME_NS: Record<string, number> = {
  ns: 1,
  us: 1e3,
  'µs': 1e3,
  'μs': 1e3,
  ms: 1e6,
  s: 1e9,
  sec: 1e9,
  min: 60e9,
  h: 3600e9,
  hr: 3600e9,
};

const BYTES: Record<string, number> = {
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

/** Nanoseconds per `unit` (ns, us, µs, ms, s, min, h), or undefined when it is not a time unit. */
export function nsPer(unit: string): number | undefined {
  return Object.hasOwn(TIME_NS, unit) ? TIME_NS[unit] : undefined;
}

/** Bytes per `unit` (B, KB, MB, GB decimal; KiB, MiB, GiB binary), case-insensitive, or undefined. */
export function bytesPer(unit: string): number | undefined {
  const key = unit.toLowerCase();
  return Object.hasOwn(BYTES, key) ? BYTES[key] : undefined;
}

/** A value with its unit, converted to a base unit when the unit is a known time or memory unit. */
export function toBaseUnit(value: number, unit: string): { value: number; unit: string; factor: number } {
  const ns = nsPer(unit);
  if (ns !== undefined) return { value: value * ns, unit: 'ns', factor: ns };
  const bytes = bytesPer(unit);
  if (bytes !== undefined) return { value: value * bytes, unit: 'B', factor: bytes };
  return { value, unit, factor: 1 };
}
