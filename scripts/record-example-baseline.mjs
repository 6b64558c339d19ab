// Re-records examples/baseline/ (the baseline `npm start` compares against): runs the built
// action on examples/ as `runs` pushes to main (default 5), into a fresh directory store, then
// replaces the committed one. Run it after a change to how suites are measured.
// Usage: node scripts/record-example-baseline.mjs [runs=5]
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');
const example = join(root, 'examples');
const runs = Number(process.argv[2] ?? '5');
const tmp = mkdtempSync(join(tmpdir(), 'track-performance-record-'));
const store = join(tmp, 'store');
const event = join(tmp, 'event.json');
writeFileSync(
  event,
  JSON.stringify({ ref: 'refs/heads/main', repository: { name: 'example', owner: { login: 'demo' }, default_branch: 'main' } }),
);
for (let i = 1; i <= runs; i++) {
  const summary = join(tmp, `summary-${i}.md`);
  const output = join(tmp, `output-${i}.txt`);
  writeFileSync(summary, '');
  writeFileSync(output, '');
  const env = {
    ...process.env,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: event,
    GITHUB_REPOSITORY: 'demo/example',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_SHA: `record-${i}`,
    GITHUB_WORKSPACE: example,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_OUTPUT: output,
    RUNNER_TEMP: tmp,
    INPUT_CONFIG: 'performance-tracker.json',
    INPUT_BASELINE: store,
    'INPUT_FAIL-ON': 'never',
    INPUT_COMMENT: 'false',
    INPUT_TOKEN: '',
  };
  const r = spawnSync(process.execPath, [join(root, 'dist', 'index.js')], { env, encoding: 'utf8' });
  if (r.status !== 0) {
    process.stderr.write(r.stdout + r.stderr);
    throw new Error(`run ${i} of ${runs} failed (exit ${r.status})`);
  }
  console.log(`run ${i} of ${runs} recorded`);
}
rmSync(join(example, 'baseline'), { recursive: true, force: true });
cpSync(store, join(example, 'baseline'), { recursive: true });
rmSync(tmp, { recursive: true, force: true });
console.log(`examples/baseline/ now holds ${runs} runs of main recorded on this machine.`);
