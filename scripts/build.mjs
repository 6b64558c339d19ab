// Bundles the action (dist/index.js), the CLI (dist/cli.js), the tinybench child process
// (dist/tinybench-worker.js), the Actions cache client (dist/actions-cache.js) and the GitHub client (dist/github-client.js) with esbuild:
// one ESM file per entry, Node 20 syntax, no code splitting (a dynamic import of a bundled
// module is inlined, so no entry emits a chunk the others would share or collide on). The
// bundles are written to a temporary folder and replace dist/ only when all of them are built.
// The dashboard page (dist/dashboard/: index.html, app.js, app.css) is bundled by esbuild for the
// browser (build-dashboard.mjs); the action and the CLI copy it into the sites they build.
// The suite API (track-performance/suite: dist/suite.js, dist/suite.d.ts) is emitted by tsc
// (tsconfig.suite.json), not bundled: src/suite.ts imports nothing, and users need its types.
import { execFile } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { buildDashboardPage } from './build-dashboard.mjs';

const run = promisify(execFile);
const entries = {
  index: 'src/index.ts',
  cli: 'src/cli-bin.ts',
  'tinybench-worker': 'src/bench/tinybench-worker.ts',
};
// Loaded on first use (src/model/side-bundle.ts), so runs that never call them never parse them:
// the Actions cache client by the cache store, the GitHub client (Octokit, undici) by the first
// GitHub call. Marked external in the other entries, which import these files instead.
const sideEntries = { 'actions-cache': 'src/store/actions-cache.ts', 'github-client': 'src/github/github-bundle.ts' };
const sidePackages = ['@actions/cache', '@actions/github'];
// @actions/http-client has no import-time side effects but does not declare it (no
// "sideEffects": false), so a bundler keeps it, and the 900 KB of undici it imports, wherever a
// module imports it, used or not. Declared here, it is dropped when nothing calls it:
// @actions/core imports it only for getIDToken (OIDC), which this action never calls.
const sideEffectFree = /[\\/]node_modules[\\/]@actions[\\/]http-client[\\/]/;
const declareSideEffectFree = {
  name: 'declare-side-effect-free',
  setup(b) {
    b.onResolve({ filter: /^@actions\/http-client(\/.*)?$/ }, async (args) => {
      if (args.pluginData === 'resolving') return undefined;
      const r = await b.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: 'resolving',
      });
      if (r.errors.length > 0) return { errors: r.errors };
      if (!sideEffectFree.test(r.path)) throw new Error(`@actions/http-client resolved outside node_modules: ${r.path}`);
      return { path: r.path, sideEffects: false };
    });
  },
};
// @actions/core imports node:crypto (28 M instructions on Node 24, with the Web Crypto it
// loads, measured by hand under Cachegrind) for one call, randomUUID, when an output or variable
// is written to its file: it gets a module that loads node:crypto on that call instead.
const lazyCoreCrypto = {
  name: 'lazy-core-crypto',
  setup(b) {
    b.onResolve({ filter: /^(node:)?crypto$/ }, (args) =>
      /[\\/]node_modules[\\/]@actions[\\/]core[\\/]/.test(args.importer) ? { path: 'crypto', namespace: 'lazy-core-crypto' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-core-crypto' }, () => ({
      contents: "export const randomUUID = () => require('node:crypto').randomUUID();",
      loader: 'js',
    }));
  },
};
const common = {
  plugins: [declareSideEffectFree, lazyCoreCrypto],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // CommonJS dependencies call require() for Node's built-ins; an ESM bundle has none.
  banner: { js: "import { createRequire as __tpCreateRequire } from 'node:module';\nconst require = __tpCreateRequire(import.meta.url);" },
  logLevel: 'warning',
  metafile: true,
  // Whitespace and syntax only (names stay, so stack traces still name functions): Node scans the
  // whole bundle at every start, and a 0.8 MB bundle costs 16 M instructions less this way on a
  // 100 × 100 push (measured by hand under Cachegrind, Node 24).
  minifyWhitespace: true,
  minifySyntax: true,
};

async function bundles() {
  const tmp = mkdtempSync(join(tmpdir(), 'esbuild-'));
  try {
    const results = await Promise.all([
      // From source, side-bundle.ts imports the packages themselves; in dist it imports the files
      // beside the bundle, so the packages must not be inlined into the other entries.
      build({ ...common, entryPoints: entries, outdir: tmp, external: sidePackages }),
      build({ ...common, entryPoints: sideEntries, outdir: tmp }),
    ]);
    const emitted = results.flatMap((r) => Object.keys(r.metafile.outputs)).map((f) => f.slice(f.lastIndexOf('/') + 1));
    const expected = Object.keys({ ...entries, ...sideEntries }).map((e) => `${e}.js`);
    if (emitted.sort().join() !== expected.sort().join())
      throw new Error(`esbuild emitted ${emitted.join(', ')}; expected one file per entry (${expected.join(', ')})`);
    return tmp;
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

const [suiteDir, bundleDir] = await Promise.all([suiteApi(), bundles()]);
rmSync('dist', { recursive: true, force: true });
mkdirSync('dist');
// ASCII only: esbuild escapes strings but leaves other characters in comments and regular
// expressions, and one such character makes Node read the whole bundle as a two-byte string,
// slower to decode and to scan at every start. A \uXXXX escape means the same in all of them.
const ascii = (text) => text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
for (const e of Object.keys({ ...entries, ...sideEntries }))
  writeFileSync(join('dist', `${e}.js`), ascii(readFileSync(join(bundleDir, `${e}.js`), 'utf8')));
for (const file of ['suite.js', 'suite.d.ts']) copyFileSync(join(suiteDir, file), join('dist', file));
for (const dir of [bundleDir, suiteDir]) rmSync(dir, { recursive: true, force: true });
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
writeFileSync('dist/cli.js', '#!/usr/bin/env node\n' + readFileSync('dist/cli.js', 'utf8'));
chmodSync('dist/cli.js', 0o755);
