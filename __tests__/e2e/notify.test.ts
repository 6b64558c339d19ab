/**
 * Done-when of issue 18, as processes of the built action: a push whose run confirms a
 * regression change point posts valid payloads to Slack, Discord, Teams and a signed webhook
 * (loopback receivers that check each target's shape and limits), while a failing and a hanging
 * target only warn; a schedule event updates one report issue and posts the report; a PR run
 * with pr: true and broken targets still exits by its verdict.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/importers/index.js';
import { createStore } from '../../src/store/index.js';
import { analyzeTrends } from '../../src/trend/index.js';
import type { RunFile } from '../../src/model/index.js';
import { pullRequestEvent, pushEvent, runBuiltAction } from '../helpers/action-process.js';
import { startReceiver, type Receiver } from '../helpers/notify-receiver.js';
import { signature } from '../../src/notify/index.js';
import { startGitHubServer, TOKENS, type GitHubServer } from '../helpers/github-server.js';

const NAME = 'parse <!channel> @everyone *x*';
const KEY = 'hmac-k3y-for-tests';
const repo = { name: 'octo-repo', full_name: 'octo-org/octo-repo', owner: { login: 'octo-org' }, default_branch: 'main' };

let rx: Receiver;
let gh: GitHubServer;
let ws: string;
beforeAll(async () => {
  rx = await startReceiver();
  gh = await startGitHubServer();
  ws = mkdtempSync(join(tmpdir(), 'tp-notify-'));
});
afterAll(async () => {
  await rx.close();
  await gh.close();
});

/** A hyperfine result of `ms` milliseconds (5 samples, 0.5% apart). */
function writeResult(ms: number): void {
  const times = [0.995, 1, 1.005, 0.998, 1.002].map((f) => (ms * f) / 1000);
  writeFileSync(
    join(ws, 'h.json'),
    JSON.stringify({ results: [{ command: NAME, mean: ms / 1000, stddev: ms / 2e5, median: ms / 1000, times }] }),
  );
}

async function runAt(ms: number, i: number, hours: number): Promise<RunFile> {
  writeResult(ms);
  const { run } = await importFile(join(ws, 'h.json'), { format: 'hyperfine', suite: 'app' });
  return { ...run, commit: String(i).padStart(40, '0'), timestamp: new Date(Date.now() - hours * 36e5).toISOString() };
}

function config(channels: object[], timeout = 4) {
  return { suites: [{ name: 'app', import: 'h.json', format: 'hyperfine' }], trend: { minEffect: 0.05 }, notify: { channels, timeout } };
}

const env = () => ({
  SLACK_WEBHOOK_URL: rx.url('slack'),
  TEAMS_URL: rx.url('teams', '429-once'),
  HOOK_URL: rx.url('webhook'),
  HOOK_KEY: KEY,
  BROKEN_URL: rx.url('webhook', '500'),
  HANG_URL: rx.url('webhook', 'hang'),
  GITHUB_API_URL: gh.url,
});
const channels = (extra: object = {}) => [
  { type: 'slack', urlEnv: 'SLACK_WEBHOOK_URL', ...extra },
  { type: 'discord', ...extra },
  { type: 'teams', urlEnv: 'TEAMS_URL', ...extra },
  { type: 'webhook', urlEnv: 'HOOK_URL', secretEnv: 'HOOK_KEY', ...extra },
  { type: 'webhook', name: 'broken', urlEnv: 'BROKEN_URL', ...extra },
  { type: 'webhook', name: 'hanging', urlEnv: 'HANG_URL', ...extra },
];
const inputs = () => ({ baseline: 'store', token: TOKENS.actions, 'notify-urls': `discord=${rx.url('discord')}` });

describe('notifications from the built action', () => {
  it('a push confirming a regression change point posts valid payloads to all four targets; broken targets only warn', async () => {
    // 30 runs at 10 ms, then as many at 20 ms as the change point needs minus one: the push's run confirms it.
    const low = await Promise.all(Array.from({ length: 30 }, (_, i) => runAt(10 * (1 + 0.004 * Math.sin(i * 3)), i, 200 - i)));
    const high: RunFile[] = [];
    const found = (runs: RunFile[]) => analyzeTrends({ runs }).series.some((s) => s.changePoints.length > 0);
    while (!found([...low, ...high, await runAt(20, 99, 1)]))
      high.push(await runAt(20 * (1 + 0.003 * high.length), 31 + high.length, 150 - high.length));
    const store = createStore({ kind: 'directory', dir: join(ws, 'store') });
    for (const r of [...low, ...high]) await store.save(r, 'main');
    writeFileSync(join(ws, 'performance-tracker.json'), JSON.stringify(config(channels())));
    writeResult(20);

    const t0 = Date.now();
    const run = await runBuiltAction({
      workspace: ws,
      eventName: 'push',
      event: pushEvent(),
      inputs: inputs(),
      env: env(),
      sha: 'd'.repeat(40),
    });
    const took = Date.now() - t0;
    if (run.code !== 0) console.error(run.stdout, run.stderr);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Trend critical: app\/parse/);
    const got = rx.received.filter((r) => r.behaviour !== '500' && r.behaviour !== 'hang' && r.status === 200);
    expect(got.map((r) => r.target).sort()).toEqual(['discord', 'slack', 'teams', 'webhook']);
    for (const r of rx.received) expect(r.problems).toEqual([]);
    expect(rx.received.filter((r) => r.target === 'teams').map((r) => r.status)).toEqual([429, 200]);
    const hook = got.find((r) => r.target === 'webhook')!;
    expect(hook.headers['x-track-performance-signature-256']).toBe(signature(hook.body, KEY));
    const payload = JSON.parse(hook.body) as { notices: Array<{ event: string; level: string; text: string }> };
    expect(payload.notices.some((n) => n.event === 'change-point' && n.level === 'critical' && n.text.includes(NAME))).toBe(true);
    for (const r of got) expect(r.body).toContain('actions/runs/42');
    // Mentions and markup are inert where they are shown.
    expect(got.find((r) => r.target === 'slack')!.body).toContain('&lt;!channel&gt;');
    expect(got.find((r) => r.target === 'discord')!.body).toContain('"allowed_mentions":{"parse":[]}');
    // The failing target gave up within its time, with a warning; no URL or key in the log.
    expect(run.stdout).toMatch(/::warning::Notification to webhook channel 'broken' not sent: HTTP 500/);
    expect(run.stdout).toMatch(/::warning::Notification to webhook channel 'hanging' not sent: no answer within 4 s/);
    expect(took).toBeLessThan(60_000);
    // Each URL and the key are registered with the runner (`::add-mask::`, which the runner consumes) and appear nowhere else.
    const shown = (run.stdout + run.stderr + run.summary).replace(/^::add-mask::.*$/gm, '');
    for (const secret of [rx.url('slack'), rx.url('discord'), rx.url('teams', '429-once'), KEY]) {
      expect(run.stdout).toContain(`::add-mask::${secret}`);
      expect(shown).not.toContain(secret);
    }
  }, 120_000);

  it('a schedule event writes one report issue, updated and not duplicated on the next run, and posts the report', async () => {
    writeFileSync(join(ws, 'performance-tracker.json'), JSON.stringify(config(channels({ on: ['report'] }))));
    const before = rx.received.length;
    const schedule = () =>
      runBuiltAction({
        workspace: ws,
        eventName: 'schedule',
        event: { schedule: '17 6 * * 1', repository: repo },
        inputs: inputs(),
        env: env(),
      });
    const first = await schedule();
    if (first.code !== 0) console.error(first.stdout, first.stderr);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Mode: report/);
    expect(first.stdout).toMatch(/Report issue created/);
    expect(first.summary).toMatch(/^## Performance report &#40;7d&#41;&#58; main$/m);
    expect(first.summary).toMatch(/### Change points\n\n- \*\*critical\*\* app\/parse &lt;&#33;channel&gt; &#64;\u200Deveryone/);
    const second = await schedule();
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/Report issue (updated|unchanged)/);
    // The push before opened its change point's trend issue; the report has one issue of its own.
    const issues = gh.issues('octo-org', 'octo-repo').filter((i) => !i.body.includes('<!-- track-performance:trend-'));
    expect(issues).toHaveLength(1);
    expect(issues[0]!.body).toContain('<!-- track-performance:track-performance-report-7d -->');
    expect(issues[0]!.body).toMatch(/Biggest movers/);
    expect(gh.invalid).toEqual([]);
    const posted = rx.received.slice(before).filter((r) => r.status === 200);
    expect(posted.map((r) => r.target).sort()).toEqual(['discord', 'discord', 'slack', 'slack', 'teams', 'teams', 'webhook', 'webhook']);
    for (const r of rx.received.slice(before)) expect(r.problems).toEqual([]);
    expect(JSON.parse(posted.find((r) => r.target === 'webhook')!.body)).toMatchObject({ kind: 'report', data: { branch: 'main' } });
  }, 120_000);

  it('a PR run with pr: true and broken targets exits by its verdict', async () => {
    writeFileSync(join(ws, 'performance-tracker.json'), JSON.stringify(config(channels({ pr: true }), 2)));
    writeResult(40);
    const run = await runBuiltAction({
      workspace: ws,
      eventName: 'pull_request',
      event: pullRequestEvent(7),
      inputs: { ...inputs(), comment: 'false' },
      env: env(),
      ref: 'refs/pull/7/merge',
      sha: 'b'.repeat(40),
    });
    expect(run.outputs.verdict).toBe('fail');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/Notification to webhook channel 'broken' not sent/);
    expect(run.stdout).toMatch(/Notified slack channel 'slack'/);
  }, 120_000);
});
