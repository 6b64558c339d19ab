import { describe, expect, it } from 'vitest';
import { importInput } from '../../src/importers/input.js';
import { claimsJson, jsonOf, numbersAt, stringAt } from '../../src/importers/json.js';
import { importErrorOf } from './import-checks.js';

const ctx = { file: 'x.json', format: 'demo' };

describe('JSON reading', () => {
  it('names the line of a syntax error', () => {
    const e = importErrorOf(() => jsonOf(importInput('{\n"a": 1,\n', 'x.json'), 'demo'));
    expect(e.message).toMatch(/^x\.json:3: not valid JSON \(.*\); expected a complete demo JSON file$/);
    expect(e).toMatchObject({ file: 'x.json', format: 'demo', location: 3 });
  });

  it('claims broken JSON only when the format signature is in it', () => {
    const claims = (text: string, signature: RegExp): boolean => claimsJson(importInput(text, 'x.json'), signature, () => true);
    expect(claims('not json', /./)).toBe(false);
    expect(claims('{"other": ', /"demo"/)).toBe(false);
    expect(claims('[1]', /"demo"/)).toBe(true);
    expect(importInput('[1]', 'x.json').json).toEqual([1]);
    expect(claims('{"demo": ', /"demo"/)).toBe(true);
    expect(importErrorOf(() => jsonOf(importInput('{"demo": ', 'x.json'), 'demo')).location).toBe(1);
  });

  it('names the JSON path, what was expected and what was there', () => {
    expect(importErrorOf(() => stringAt({}, 'name', '$[0]', ctx)).message).toBe(
      'x.json: $[0].name: expected a non-empty string, got nothing',
    );
    const e = importErrorOf(() => numbersAt({ times: [1, 'x'] }, 'times', '$.results[0]', ctx));
    expect(e.message).toBe('x.json: $.results[0].times[1]: expected a finite number, got "x"');
    expect(e.location).toBe('$.results[0].times[1]');
  });
});
