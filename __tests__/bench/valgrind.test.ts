import { describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../src/bench/types.js';
import { findValgrind, isGithubHostedLinux, type ValgrindHost } from '../../src/bench/valgrind.js';

/** A host whose `valgrind` appears once `sudo … apt-get install … valgrind` ran; records every call. */
function host(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, installs: boolean, installed = false) {
  const calls: string[] = [];
  let present = installed;
  const h: ValgrindHost = {
    platform,
    env,
    exec: async (file, args) => {
      calls.push([file, ...args].join(' '));
      if (file === 'valgrind' && present) return { stdout: 'valgrind-3.19.0\n', stderr: '' };
      if (file === 'sudo' && args.includes('install') && installs) {
        present = true;
        return { stdout: '', stderr: '' };
      }
      throw Object.assign(new Error(`${file} failed`), { stderr: `E: ${file} ${args.join(' ')} failed` });
    },
  };
  return { h, calls };
}

function ctx() {
  const events: ProgressEvent[] = [];
  return { ctx: { cwd: '/', emit: (e: ProgressEvent) => void events.push(e) }, events };
}

describe('findValgrind', () => {
  it('finds Valgrind on PATH and reads its version', async () => {
    const { h, calls } = host('linux', {}, false, true);
    await expect(findValgrind('s', 'instructions', ctx().ctx, h)).resolves.toEqual({ path: 'valgrind', version: '3.19.0' });
    expect(calls).toEqual(['valgrind --version']);
  });

  it('says "not available on this OS" on macOS and Windows, without looking', async () => {
    for (const platform of ['darwin', 'win32'] as const) {
      const { h, calls } = host(platform, {}, true);
      await expect(findValgrind('parser', 'cycles', ctx().ctx, h)).rejects.toThrow(
        `Suite "parser": measure "cycles" needs Valgrind, which is not available on this OS (${platform})`,
      );
      expect(calls).toEqual([]);
    }
  });

  it('names the Debian package when missing off GitHub-hosted runners, and never installs there', async () => {
    const { h, calls } = host('linux', { GITHUB_ACTIONS: 'true' }, true);
    await expect(findValgrind('s', 'instructions', ctx().ctx, h)).rejects.toThrow(
      /Suite "s": Valgrind is not installed .*package "valgrind"/,
    );
    expect(calls).toEqual(['valgrind --version']);
  });

  it('installs with sudo -n apt-get on a GitHub-hosted runner, and logs it', async () => {
    const { h, calls } = host('linux', { RUNNER_ENVIRONMENT: 'github-hosted' }, true);
    const { ctx: c, events } = ctx();
    await expect(findValgrind('s', 'instructions', c, h)).resolves.toMatchObject({ version: '3.19.0' });
    expect(calls).toEqual(['valgrind --version', 'sudo -n apt-get install -y -q valgrind', 'valgrind --version']);
    expect(events.map((e) => (e.type === 'info' ? e.message : ''))).toEqual([
      'Valgrind is missing on this GitHub-hosted runner: sudo -n apt-get install -y valgrind',
      'Installed Valgrind 3.19.0.',
    ]);
  });

  it("reports a failed install with the end of apt-get's output, after one refresh of the package lists", async () => {
    const { h, calls } = host('linux', { GITHUB_ACTIONS: 'true', ImageOS: 'ubuntu24' }, false);
    await expect(findValgrind('s', 'instructions', ctx().ctx, h)).rejects.toThrow(
      /"sudo -n apt-get install -y valgrind" failed \(E: sudo -n apt-get update -q failed\)/,
    );
    expect(calls).toEqual(['valgrind --version', 'sudo -n apt-get install -y -q valgrind', 'sudo -n apt-get update -q']);
  });
});

describe('isGithubHostedLinux', () => {
  it('needs Linux and RUNNER_ENVIRONMENT=github-hosted, or GITHUB_ACTIONS with ImageOS', () => {
    expect(isGithubHostedLinux({ platform: 'linux', env: { RUNNER_ENVIRONMENT: 'self-hosted', GITHUB_ACTIONS: 'true' } })).toBe(false);
    expect(isGithubHostedLinux({ platform: 'linux', env: { GITHUB_ACTIONS: 'true', ImageOS: 'ubuntu22' } })).toBe(true);
    expect(isGithubHostedLinux({ platform: 'darwin', env: { RUNNER_ENVIRONMENT: 'github-hosted' } })).toBe(false);
  });
});
