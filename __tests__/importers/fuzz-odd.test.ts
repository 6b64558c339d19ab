import { describe, it } from 'vitest';
import { fuzz, half } from './fuzz-harness.js';

describe('importer fuzzing (registry entries 1, 3, 5, …, and detection)', () => {
  it.each(half(1))('%s: mutated and random input gives valid benchmarks or an ImportError', (format) => fuzz(format));

  it('detection: mutated and random input gives valid benchmarks or an ImportError', () => fuzz(undefined));
});
