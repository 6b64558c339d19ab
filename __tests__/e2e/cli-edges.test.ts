import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli-process.js';
import { hasGit, tempRepo } from '../helpers/git-repo.js';

describe('config and setup edges, through the built CLI', () => {
  it('refuses a config nested 2,000 levels deep with exit 2, the file and line, and no stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tp-deep-'));
    writeFileSync(join(dir, 'performance-tracker.json'), `{\n  "suites": [],\n  "x": ${'['.repeat(2000)}${']'.repeat(2000)}\n}\n`);
    const r = await cli(['benchmark'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/performance-tracker\.json:3:\d+: nested too deeply: expected at most \d+ levels of objects and arrays/);
    expect(r.stderr).not.toMatch(/RangeError|\n\s+at /);
  });

  it.skipIf(!hasGit)("shows why `npm ci` failed (no lockfile), not the tail of npm's help", async () => {
    const { repo, commit } = tempRepo();
    commit(
      {
        'package.json': JSON.stringify({ name: 'x', version: '1.0.0', dependencies: { 'left-pad': '1.0.0' } }),
        'performance-tracker.json': JSON.stringify({ suites: [{ name: 'c', command: { t: 'true' }, runs: 2 }] }),
      },
      'base',
    );
    const r = await cli(['ab', '--base', 'HEAD', '--rounds', '1', '--setup', 'npm ci --offline'], repo);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/The setup command failed on the head tree: `npm ci --offline` exited with code 1/);
    expect(r.stderr).toContain('can only install with an existing package-lock.json');
    expect(r.stderr).not.toContain('aliases: clean-install');
  });
});
