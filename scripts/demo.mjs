// `npm start`: runs the built action (dist/index.js) on the bundled example project as a pull
// request would, against the example's committed baseline, then prints the PR comment and the
// verdict. It is a demo: it exits 0 whatever the verdict, non-zero only when something broke.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');
const example = join(root, 'examples');
const tmp = mkdtempSync(join(tmpdir(), 'track-performance-demo-'));
const summary = join(tmp, 'summary.md');
const output = join(tmp, 'output.txt');
const event = join(tmp, 'event.json');
writeFileSync(summary, '');
writeFileSync(output, '');
writeFileSync(
  event,
  JSON.stringify({
    action: 'synchronize',
    number: 1,
    pull_request: { number: 1, base: { ref: 'main', sha: 'demo-base' }, head: { ref: 'demo', sha: 'demo-head' } },
    repository: { name: 'example', owner: { login: 'demo' }, default_branch: 'main' },
  }),
);

// The committed baseline: a directory store holding the history of the example's main branch.
const history = JSON.parse(readFileSync(join(example, 'baseline', 'main.json'), 'utf8'));
const newest = history.entries.at(-1);
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const recorded = newest.machine ? `${newest.machine.cpuModel}, ${newest.machine.cores} cores` : 'an unknown machine';
console.log('track-performance demo: running the action on examples/ as a pull request would.');
console.log(`The committed baseline (examples/baseline/, ${history.entries.length} runs of main) was recorded on ${recorded},`);
console.log(`last at ${newest.timestamp};`);
console.log(`this machine is ${cpu}, ${os.cpus().length} cores. On another machine the differences mix code`);
console.log('with hardware, and the verdict can say so; on a PR both sides run on the same runner.\n');

const env = {
  ...process.env,
  GITHUB_ACTIONS: 'true',
  GITHUB_EVENT_NAME: 'pull_request',
  GITHUB_EVENT_PATH: event,
  GITHUB_REPOSITORY: 'demo/example',
  GITHUB_REF: 'refs/pull/1/merge',
  GITHUB_SHA: 'demo-head',
  GITHUB_WORKSPACE: example,
  GITHUB_STEP_SUMMARY: summary,
  GITHUB_OUTPUT: output,
  RUNNER_TEMP: tmp,
  INPUT_CONFIG: 'performance-tracker.json',
  INPUT_BASELINE: 'baseline',
  'INPUT_FAIL-ON': 'regression',
  INPUT_COMMENT: 'false',
  INPUT_TOKEN: '',
};
const action = spawnSync(process.execPath, [join(root, 'dist', 'index.js')], {
  env,
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
});
const log = action.stdout ?? '';
// Show the action's own log without the workflow-command noise.
process.stdout.write(
  log
    .split('\n')
    .filter((l) => l && !l.startsWith('::set-output') && !l.startsWith('::add-mask'))
    .join('\n') + '\n',
);

// GITHUB_OUTPUT as the runner reads it: `name=value` lines (one-line values) and `name<<delimiter` blocks.
const heredoc = /^(\w[\w-]*)<<(.+)\n([\s\S]*?)\n\2$/gm;
const outputText = readFileSync(output, 'utf8');
const outputs = Object.fromEntries([
  ...[...outputText.replace(heredoc, '').matchAll(/^(\w[\w-]*)=(.*)$/gm)].map((m) => [m[1], m[2]]),
  ...[...outputText.matchAll(heredoc)].map((m) => [m[1], m[3]]),
]);
const comment = readFileSync(summary, 'utf8');
if (!outputs.verdict || !comment) {
  console.error(`\nThe demo broke: the action exited ${action.status} without a verdict.`);
  process.exit(1);
}
console.log('\n──────────── the PR comment (also the job summary) ────────────\n');
console.log(comment);
console.log('──────────── verdict ────────────');
console.log(
  `verdict: ${outputs.verdict}; regressions: ${outputs.regressions}; the action exited ${action.status}` +
    `${action.status ? ' (a failing verdict fails the check on a real PR)' : ''}.`,
);
console.log(`JSON report: ${outputs.report}${existsSync(outputs.report) ? '' : ' (missing!)'}`);
