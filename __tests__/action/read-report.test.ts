import { describe, expect, it } from 'vitest';
import { readReport } from '../../src/action/read-report.js';
import { ConfigError, InputError, isUserError } from '../../src/model/errors.js';

describe('readReport (a report artifact from another job)', () => {
  it.each([
    ['not JSON', '{', /report\.json: not JSON .*expected the report\.json/],
    ['another document', '{"schemaVersion":2}', /expected a track-performance report with schemaVersion 1/],
    ['a report without verdict', '{"schemaVersion":1,"benchmarks":[],"targets":[]}', /expected 'verdict' \(pass, warn or fail\)/],
  ])('refuses %s with an InputError naming the file, not a ConfigError', (_, text, message) => {
    let caught: unknown;
    try {
      readReport(text, 'report.json');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(InputError);
    expect(caught).not.toBeInstanceOf(ConfigError);
    expect((caught as InputError).file).toBe('report.json');
    expect((caught as Error).message).toMatch(message);
    expect(isUserError(caught)).toBe(true);
  });
});
