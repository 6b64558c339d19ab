// Bundles the action (dist/index.js), the CLI (dist/cli.js) and the tinybench child process
// (dist/tinybench-worker.js) with ncc. Each entry is built to its own folder, then moved beside
// the others so the action and the CLI can find the worker next to themselves.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync, mkdirSync, readdirSync, writeFileSync, chmodSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const entries = [
  ['src/index.ts', 'index.js'],
  ['src/cli-bin.ts', 'cli.js'],
  ['src/bench/tinybench-worker.ts', 'tinybench-worker.js'],
];
rmSync('dist', { recursive: true, force: true });
mkdirSync('dist');
for (const [entry, out] of entries) {
  const tmp = mkdtempSync(join(tmpdir(), 'ncc-'));
  execFileSync(process.execPath, ['node_modules/@vercel/ncc/dist/ncc/cli.js', 'build', entry, '-o', tmp, '--quiet', '--target', 'es2022'], { stdio: 'inherit' });
  for (const f of readdirSync(tmp)) {
    if (f === 'index.js') renameSync(join(tmp, f), join('dist', out));
    else if (f !== 'package.json') renameSync(join(tmp, f), join('dist', f));
  }
  rmSync(tmp, { recursive: true, force: true });
}
writeFileSync('dist/package.json', JSON.stringify({ type: 'module' }) + '\n');
const cli = readFileSync('dist/cli.js', 'utf8');
if (!cli.startsWith('#!')) writeFileSync('dist/cli.js', '#!/usr/bin/env node\n' + cli);
chmodSync('dist/cli.js', 0o755);
