/**
 * Concurrent pushes on the Actions cache store: per trial, the built action (dist/) records 3
 * pushes in turn, then 10 at once (each job with its own RUNNER_TEMP), against the loopback
 * cache service and REST API; then a PR run loads the history. Prints the runs kept per trial.
 * Run: `npm run build && npx tsx research/cache-concurrency.ts [trials=5]` (goal: 13 of 13, every trial).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeCacheServer } from '../__tests__/helpers/fake-cache-server.js';
import { startGitHubServer, TOKENS } from '../__tests__/helpers/github-server.js';
import { pr, push, workspaceWith } from '../__tests__/helpers/store-flow.js';

const trials = Number(process.argv[2] ?? 5);
const inputs = { baseline: 'cache', comment: 'false', token: TOKENS.actions, history: '20' };
let perfect = 0;
for (let t = 1; t <= trials; t++) {
  const fake = await startFakeCacheServer();
  const gh = await startGitHubServer({ caches: () => fake.listed() });
  const env = () => ({ ...fake.env, GITHUB_API_URL: gh.url, RUNNER_TEMP: mkdtempSync(join(tmpdir(), 'tp-runner-temp-')) });
  const ws = workspaceWith();
  const started = Date.now();
  const codes: Array<number | null> = [];
  for (let i = 1; i <= 3; i++) codes.push((await push(ws, i, inputs, env())).code);
  codes.push(...(await Promise.all(Array.from({ length: 10 }, (_, i) => push(ws, 4 + i, inputs, env())))).map((r) => r.code));
  const summary = (await pr(ws, inputs, env())).summary;
  const kept = Number(/(\d+) runs? of main from Actions cache/.exec(summary)?.[1] ?? 0);
  if (kept === 13) perfect++;
  console.log(
    `trial ${t}: ${kept} of 13 runs kept, ${codes.filter((c) => c !== 0).length} pushes failed, ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  await fake.close();
  await gh.close();
}
console.log(`${perfect} of ${trials} trials kept all 13 runs`);
