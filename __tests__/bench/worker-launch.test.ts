import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveTsx, workerLaunch } from '../../src/bench/worker-launch.js';

/** A fake install: `<root>/dist/index.js` (the bundle) and, when asked, `<root>/node_modules/tsx`. */
async function fakeProject(root: string, withTsx: boolean): Promise<void> {
  await mkdir(join(root, 'dist'), { recursive: true });
  await writeFile(join(root, 'dist', 'index.js'), '');
  if (!withTsx) return;
  const tsx = join(root, 'node_modules', 'tsx');
  await mkdir(join(tsx, 'dist'), { recursive: true });
  await writeFile(join(tsx, 'package.json'), JSON.stringify({ name: 'tsx', exports: { '.': './dist/loader.mjs' } }));
  await writeFile(join(tsx, 'dist', 'loader.mjs'), '');
}

describe('workerLaunch', () => {
  let tmp: string;
  let bare: string;
  let withTsx: string;
  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'tp-launch-'));
    bare = join(tmp, 'bare');
    withTsx = join(tmp, 'with-tsx');
    await fakeProject(bare, false);
    await fakeProject(withTsx, true);
  });
  afterAll(() => rm(tmp, { recursive: true, force: true }));

  const bundle = (root: string) => pathToFileURL(join(root, 'dist', 'index.js')).href;

  it('uses the bundled worker beside the running file, with no loader for JS suites', () => {
    expect(workerLaunch('/p/a.bench.js', bare, bundle(bare), false)).toEqual({
      script: join(bare, 'dist', 'tinybench-worker.js'),
      execArgv: [],
    });
  });

  it('lets Node strip types itself when it can', () => {
    const l = workerLaunch('/p/a.bench.ts', bare, bundle(bare), true);
    expect(l).toMatchObject({ execArgv: [], typescript: 'node (built-in type stripping)' });
  });

  it('prefers the tsx of the user’s project for TypeScript suites', () => {
    const l = workerLaunch('/p/a.bench.mts', withTsx, bundle(bare), true);
    expect(l).toMatchObject({ execArgv: ['--import', pathToFileURL(join(withTsx, 'node_modules/tsx/dist/loader.mjs')).href] });
  });

  it('needs tsx for .tsx even where Node strips types', () => {
    expect(workerLaunch('/p/a.bench.tsx', bare, bundle(bare), true)).toEqual({ missingLoader: true });
  });

  it('asks for a loader when a TypeScript suite meets a Node without type stripping and no tsx', () => {
    expect(workerLaunch('/p/a.bench.ts', bare, bundle(bare), false)).toEqual({ missingLoader: true });
  });

  it('runs the TypeScript worker source with tsx when running from source', () => {
    const l = workerLaunch('/p/a.bench.js', bare);
    expect('script' in l && l.script.endsWith(join('src', 'bench', 'tinybench-worker.ts'))).toBe(true);
    expect('execArgv' in l && l.execArgv[0]).toBe('--import');
  });

  it('resolves tsx only where it is installed', () => {
    expect(resolveTsx(bare)).toBeUndefined();
    expect(resolveTsx(withTsx)).toMatch(/^file:.*loader\.mjs$/);
  });
});
