import os from 'node:os';
import type { Machine } from '../model/index.js';

/** The machine this process runs on, for the run file (runner name from `RUNNER_NAME` on Actions). */
export function machineInfo(env: NodeJS.ProcessEnv = process.env): Machine {
  const cpus = os.cpus();
  const machine: Machine = {
    os: `${os.type()} ${os.release()}`,
    arch: os.arch(),
    cpuModel: cpus[0]?.model.trim().replace(/\s+/g, ' ') || 'unknown',
    cores: os.availableParallelism?.() ?? cpus.length,
    nodeVersion: process.version,
    v8Version: process.versions.v8,
  };
  if (env.RUNNER_NAME) machine.runnerName = env.RUNNER_NAME;
  return machine;
}
