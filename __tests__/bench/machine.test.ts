import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { machineInfo } from '../../src/bench/machine.js';

describe('machineInfo', () => {
  it('describes this machine and this Node', () => {
    const m = machineInfo({});
    expect(m.arch).toBe(os.arch());
    expect(m.os).toContain(os.type());
    expect(m.nodeVersion).toBe(process.version);
    expect(m.cores).toBeGreaterThanOrEqual(1);
    expect(m.cpuModel).not.toBe('');
    expect(m.runnerName).toBeUndefined();
  });

  it('names the Actions runner when RUNNER_NAME is set', () => {
    expect(machineInfo({ RUNNER_NAME: 'GitHub Actions 12' }).runnerName).toBe('GitHub Actions 12');
  });
});
