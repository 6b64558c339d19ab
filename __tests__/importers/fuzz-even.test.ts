import { describe, expect, it } from 'vitest';
import { fuzz, half, seedsOf } from './fuzz-harness.js';

describe('importer fuzzing (registry entries 0, 2, 4, …)', () => {
  it('has real outputs to mutate for the formats with committed fixtures', () => {
    for (const format of ['hyperfine', 'googlebenchmark', 'go', 'go-json', 'cargo', 'criterion', 'catch2', 'catch2-xml']) {
      expect(seedsOf.get(format)?.length ?? 0, format).toBeGreaterThan(0);
    }
  });

  it.each(half(0))('%s: mutated and random input gives valid benchmarks or an ImportError', (format) => fuzz(format));
});
