import { describe, expect, it } from 'vitest';
import { parseInputs } from '../../src/action/inputs.js';

const from = (values: Record<string, string>) => (name: string) => values[name] ?? '';

describe('parseInputs', () => {
  it('fills defaults for empty inputs', () => {
    const inputs = parseInputs(from({}));
    expect(inputs).toMatchObject({
      config: 'performance-tracker.json',
      baseline: 'cache',
      failOn: 'regression',
      comment: true,
      commentId: 'track-performance',
      mode: 'auto',
      history: 10,
    });
  });
  it('reads the given values', () => {
    const inputs = parseInputs(from({ 'fail-on': 'never', comment: 'false', history: '20', mode: 'comment' }));
    expect(inputs).toMatchObject({ failOn: 'never', comment: false, history: 20, mode: 'comment' });
  });
  it('names the input and the allowed values when one is wrong', () => {
    expect(() => parseInputs(from({ 'fail-on': 'sometimes' }))).toThrow(
      "Input 'fail-on' must be one of regression, warning, never; found 'sometimes'.",
    );
    expect(() => parseInputs(from({ comment: 'maybe' }))).toThrow("Input 'comment' must be true or false; found 'maybe'.");
    expect(() => parseInputs(from({ history: '0' }))).toThrow("Input 'history' must be a whole number ≥ 1; found '0'.");
  });
});
