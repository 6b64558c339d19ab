import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/model/errors.js';
import { loadConfig } from '../../src/config/index.js';

const dir = mkdtempSync(join(tmpdir(), 'config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function rejection(file: string): Promise<ConfigError> {
  const e = await loadConfig(file).then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ConfigError);
  return e as ConfigError;
}

describe('loadConfig', () => {
  it('reads and validates a real file', async () => {
    const file = join(dir, 'performance-tracker.json');
    writeFileSync(file, JSON.stringify({ suites: [{ name: 'startup', command: 'node -e 0', runs: 5 }] }, null, 2));
    await expect(loadConfig(file)).resolves.toEqual({ suites: [{ name: 'startup', command: 'node -e 0', runs: 5 }] });
  });

  it('names the path and what to do when the file is missing', async () => {
    const file = join(dir, 'nope.json');
    const e = await rejection(file);
    expect(e.message).toBe(
      `${file}: cannot load the config: no such file; create it (see track-performance's docs/config.md) or pass the path of your config`,
    );
    expect(e.file).toBe(file);
  });

  it('names the path when it is a directory', async () => {
    const sub = join(dir, 'a-dir');
    mkdirSync(sub);
    expect((await rejection(sub)).message).toBe(
      `${sub}: cannot load the config: it is a directory; pass the path of the config file itself`,
    );
  });

  it.skipIf(process.getuid?.() === 0)('names the path when it cannot be read', async () => {
    const file = join(dir, 'locked.json');
    writeFileSync(file, '{}');
    chmodSync(file, 0o000);
    expect((await rejection(file)).message).toBe(`${file}: cannot load the config: it cannot be read (EACCES)`);
  });

  it('reports validation problems with the path it was given', async () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, '{\n  "suites": [\n    { "name": "x", "command": "true", "rusn": 3 }\n  ]\n}\n');
    const e = await rejection(file);
    expect(e.message).toMatch(
      new RegExp(
        `^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:47: \\$\\.suites\\[0\\]\\.rusn: unknown key "rusn"; did you mean "runs"\\?`,
      ),
    );
    expect(e.path).toBe('$.suites[0].rusn');
  });
});
