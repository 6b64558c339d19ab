// Bundles the action (dist/index.js), the CLI (dist/cli.js), the tinybench child process
// (dist/tinybench-worker.js) and the Actions cache client (dist/actions-cache.js) with ncc.
// Each entry is built to its own folder, in parallel, then
// moved beside the others so the action and the CLI find the worker next to themselves.
// A bundle must be one file: an emitted asset or chunk would collide between entries (and a
// traced asset such as a config file means source code names a path ncc took literally).
// --no-cache: ncc keys its webpack cache on the working directory, so the three parallel builds
// would write one cache store at once; without it the output is the same and no slower.
// The dashboard page (dist/dashboard/: index.html, app.js, app.css) is bundled by esbuild for the
// browser (build-dashboard.mjs); the action and the CLI copy it into the sites they build.
// The suite API (track-performance/suite: dist/suite.js, dist/suite.d.ts) is emitted by tsc
// (tsconfig.suite.json), not bundled: src/suite.ts imports nothing, and users need its types.
import { execFile } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildDashboardPage } from './build-dashboard.mjs';

const run = promisify(execFile);
const entries = [
  ['src/index.ts', 'index.js'],
  ['src/cli-bin.ts', 'cli.js'],
  ['src/bench/tinybench-worker.ts', 'tinybench-worker.js'],
  // Loaded by the cache store on first use (src/store/cache-io.ts), so other runs never parse it.
  ['src/store/actions-cache.ts', 'actions-cache.js'],
];
const ncc = 'node_modules/@vercel/ncc/dist/ncc/cli.js';

async function bundle([entry, out]) {
  const tmp = mkdtempSync(join(tmpdir(), 'ncc-'));
  try {
    await run(process.execPath, [ncc, 'build', entry, '-o', tmp, '--quiet', '--no-cache', '--target', 'es2022'], { maxBuffer: 1 << 26 });
    const extra = readdirSync(tmp).filter((f) => f !== 'index.js' && f !== 'package.json');
    if (extra.length > 0) throw new Error(`${entry}: ncc emitted more than one file (${extra.join(', ')}); keep the bundle to one file`);
    return [join(tmp, 'index.js'), out, tmp];
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}

async function suiteApi() {
  const tmp = mkdtempSync(join(tmpdir(), 'tsc-suite-'));
  await run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.suite.json', '--outDir', tmp]);
  const emitted = readdirSync(tmp).sort().join(', ');
  if (emitted !== 'suite.d.ts, suite.js') throw new Error(`tsconfig.suite.json: expected suite.d.ts and suite.js, tsc emitted ${emitted}`);
  return tmp;
}

const [suiteDir, ...built] = await Promise.all([suiteApi(), ...entries.map(bundle)]);
rmSync('dist', { recursive: true, force: true });
mkdirSync('dist');
for (const [file, out, tmp] of built) {
  copyFileSync(file, join('dist', out));
  rmSync(tmp, { recursive: true, force: true });
}
for (const file of ['suite.js', 'suite.d.ts']) copyFileSync(join(suiteDir, file), join('dist', file));
rmSync(suiteDir, { recursive: true, force: true });
writeFileSync('dist/package.json', JSON.stringify({ type: 'module' }) + '\n');
await buildDashboardPage('dist/dashboard');
// The prebuilt callgrind client-request addon (measure "instructions"), loaded at run time from
// beside the worker: a .node file cannot live inside a bundle, and the action has no node_modules.
const hooks = 'node_modules/@codspeed/core';
for (const platform of ['linux-x64', 'linux-arm64']) {
  mkdirSync(join('dist/instrument-hooks', platform), { recursive: true });
  copyFileSync(join(hooks, 'prebuilds', platform, 'node.napi.node'), join('dist/instrument-hooks', platform, 'node.napi.node'));
}
copyFileSync(join(hooks, 'LICENSE'), 'dist/instrument-hooks/LICENSE');
const cli = readFileSync('dist/cli.js', 'utf8');
if (!cli.startsWith('#!')) writeFileSync('dist/cli.js', '#!/usr/bin/env node\n' + cli);
chmodSync('dist/cli.js', 0o755);
