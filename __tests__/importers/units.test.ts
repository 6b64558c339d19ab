import { describe, expect, it } from 'vitest';
import { bytesPer, nsPer, scaleBy, toBaseUnit, toNs } from '../../src/importers/units.js';

describe('unit conversion', () => {
  it('accepts every time spelling the importers meet', () => {
    for (const unit of ['ps', 'ns', 'us', 'µs', 'μs', 'ms', 's', 'sec', 'min', 'h', 'hr']) expect(nsPer(unit), unit).toBeDefined();
    expect(nsPer('Ms')).toBeUndefined();
    expect(nsPer('toString')).toBeUndefined();
  });

  it('reads memory units case-insensitively, KB decimal and KiB binary', () => {
    expect(bytesPer('KB')).toBe(1e3);
    expect(bytesPer('kib')).toBe(1024);
    expect(bytesPer('MiB')).toBe(1024 ** 2);
    expect(bytesPer('bytes')).toBe(1);
    expect(bytesPer('ms')).toBeUndefined();
  });

  it('scales by powers of ten exactly, dividing for units smaller than the base', () => {
    expect(toNs(320.62, 'ps')).toBe(0.32062);
    expect(toNs('14.7587', 'µs')).toBe(14758.7);
    expect(toNs(1.5, 'min')).toBe(90e9);
    expect(scaleBy(0.1, 1e9)).toBe(1e8);
    expect(toBaseUnit(14.7587, 'us')).toEqual({ value: 14758.7, unit: 'ns', factor: 1e3 });
    expect(toBaseUnit(1.1, 'MB')).toEqual({ value: 1.1e6, unit: 'B', factor: 1e6 });
    expect(toBaseUnit(2, 'KiB')).toEqual({ value: 2048, unit: 'B', factor: 1024 });
    expect(toBaseUnit(0.97, 'ratio')).toEqual({ value: 0.97, unit: 'ratio', factor: 1 });
  });
});
