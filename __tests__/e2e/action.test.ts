import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pullRequestEvent, runBuiltAction } from '../helpers/action-process.js';
import { tempWorkspace as workspace, writeSleepyConfig as writeConfig } from '../helpers/sleepy.js';

describe('the built action, run as a process with a runner environment', () => {
  it('gives one clear error for a bad config, and for a failing command', async () => {
    const ws = workspace();
    writeFileSync(join(ws, 'performance-tracker.json'), JSON.stringify({ suites: [{ name: 'x', command: 'true', rusn: 3 }] }));
    const bad = await runBuiltAction({ workspace: ws, eventName: 'pull_request', event: pullRequestEvent(1), inputs: { baseline: 'b' } });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/::error::.*performance-tracker\.json.*suites\[0\].*rusn.*runs/);

    writeFileSync(
      join(ws, 'performance-tracker.json'),
      JSON.stringify({ suites: [{ name: 'broken', command: { boom: 'echo kaput >&2; exit 3' }, runs: 2 }] }),
    );
    const failing = await runBuiltAction({
      workspace: ws,
      eventName: 'pull_request',
      event: pullRequestEvent(1),
      inputs: { baseline: 'b' },
    });
    expect(failing.stdout + failing.summary).toContain('kaput');
  });

  it('rejects a bad input by name', async () => {
    const ws = workspace();
    writeConfig(ws, 0.01);
    const run = await runBuiltAction({
      workspace: ws,
      eventName: 'pull_request',
      event: pullRequestEvent(1),
      inputs: { 'fail-on': 'sometimes' },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("::error::Input 'fail-on' must be one of regression, warning, never; found 'sometimes'.");
  });
});
