import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';

const root = new URL('../../', import.meta.url).pathname;

/** Every performance-tracker.json committed under examples/. */
function exampleConfigs(): string[] {
  return readdirSync(join(root, 'examples'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('performance-tracker.json') && !f.includes('node_modules'))
    .map((f) => join(root, 'examples', f));
}

describe('the example configs', () => {
  it('exist', () => {
    expect(exampleConfigs().length).toBeGreaterThan(0);
  });

  it.each(exampleConfigs())('%s is valid', async (file) => {
    const config = await loadConfig(file);
    expect(config.suites.length).toBeGreaterThan(0);
  });
});
