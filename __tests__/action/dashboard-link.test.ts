import { describe, expect, it } from 'vitest';
import { publishedDashboard } from '../../src/action/dashboard-link.js';
import { parseInputs } from '../../src/action/inputs.js';

const inputs = (values: Record<string, string>) => parseInputs((name) => values[name] ?? '');
const repo = { owner: 'octo', repo: 'app' };

describe('the dashboard the comment links to', () => {
  it('is the Pages address of the published dashboard with the gh-pages store', () => {
    expect(publishedDashboard(inputs({ baseline: 'gh-pages' }), repo)).toBe('https://octo.github.io/app/dashboard/');
    expect(publishedDashboard(inputs({ baseline: 'gh-pages', 'dashboard-dir': 'perf' }), repo)).toBe('https://octo.github.io/app/perf/');
  });
  it('is none when no dashboard is published, unless the input names one', () => {
    expect(publishedDashboard(inputs({}), repo)).toBeUndefined();
    expect(publishedDashboard(inputs({ baseline: 'gh-pages', dashboard: 'false' }), repo)).toBeUndefined();
    expect(publishedDashboard(inputs({ 'dashboard-url': 'https://perf.example.org/d/' }), repo)).toBe('https://perf.example.org/d/');
  });
  it('refuses an address that is not http(s), naming the input', () => {
    expect(() => inputs({ 'dashboard-url': 'javascript:alert(1)' })).toThrow(/Input 'dashboard-url' must be an http\(s\) address/);
  });
});
