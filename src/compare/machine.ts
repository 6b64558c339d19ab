/**
 * Like with like: differences between the machines of the baseline and the current runs. A
 * different CPU model, core count, Node major version, OS family or OS release line moves
 * timings by more than most code changes, so such a mismatch is reported and widens every
 * interval instead of blaming the code. A kernel build or Node patch that differs (GitHub's
 * runner images change kernels every few weeks: `Linux 6.18.44-fc-v782` vs `…-fc-v857`) is the
 * same machine: reported as information, intervals untouched.
 */
import type { Machine, RunFile } from '../model/index.js';

/** Extra log-scale SD added to every change when machines differ (a 10% machine effect). */
export const DEFAULT_MACHINE_NOISE = 0.1;

function nodeMajor(v: string): string {
  return /^v?(\d+)/.exec(v)?.[1] ?? v;
}

/** `Linux 6.18.44-fc-v782` → family `Linux`, line `6.18`, build `6.18.44-fc-v782`. */
export function osParts(os: string): { family: string; line: string; build: string } {
  const [family = '', ...rest] = os.trim().split(/\s+/);
  const build = rest.join(' ');
  const line = /^(\d+)(?:\.(\d+))?/.exec(build);
  return { family, line: line ? `${line[1]}${line[2] !== undefined ? `.${line[2]}` : ''}` : build, build };
}

export interface MachineDifferences {
  /** Differences that change timings: intervals are widened. */
  differ: string[];
  /** Differences within one machine type (kernel build, Node patch): information only. */
  info: string[];
}

/** How two machines differ, in words (both lists empty when alike or unknown). */
export function machineDifferences(a: Machine | undefined, b: Machine | undefined): MachineDifferences {
  const out: MachineDifferences = { differ: [], info: [] };
  if (!a || !b) return out;
  const oa = osParts(a.os);
  const ob = osParts(b.os);
  if (a.cpuModel !== b.cpuModel) out.differ.push(`CPU "${a.cpuModel}" vs "${b.cpuModel}"`);
  if (a.cores !== b.cores) out.differ.push(`${a.cores} vs ${b.cores} cores`);
  if (nodeMajor(a.nodeVersion) !== nodeMajor(b.nodeVersion)) out.differ.push(`Node ${a.nodeVersion} vs ${b.nodeVersion}`);
  else if (a.nodeVersion !== b.nodeVersion) out.info.push(`Node ${a.nodeVersion} vs ${b.nodeVersion}`);
  if (oa.family !== ob.family || oa.line !== ob.line || a.arch !== b.arch) out.differ.push(`OS ${a.os}/${a.arch} vs ${b.os}/${b.arch}`);
  else if (oa.build !== ob.build) out.info.push(`${oa.family} ${oa.build} vs ${ob.build}`);
  return out;
}

/** Distinct differences between any baseline run's machine and any current run's machine. */
export function runMachineDifferences(baseline: readonly RunFile[], current: readonly RunFile[]): MachineDifferences {
  const differ = new Set<string>();
  const info = new Set<string>();
  for (const b of baseline)
    for (const c of current) {
      const d = machineDifferences(b.machine, c.machine);
      d.differ.forEach((x) => differ.add(x));
      d.info.forEach((x) => info.add(x));
    }
  return { differ: [...differ], info: [...info] };
}
