/**
 * Like with like: differences between the machines of the baseline and the current runs. A
 * different CPU, core count, Node major version or OS moves timings by more than most code
 * changes, so a mismatch is reported and widens every interval instead of blaming the code.
 */
import type { Machine, RunFile } from '../types.js';

/** Extra log-scale SD added to every change when machines differ (a 10% machine effect). */
export const DEFAULT_MACHINE_NOISE = 0.1;

function nodeMajor(v: string): string {
  return /^v?(\d+)/.exec(v)?.[1] ?? v;
}

/** The fields in which two machines differ, in words (empty when alike or unknown). */
export function machineDifferences(a: Machine | undefined, b: Machine | undefined): string[] {
  if (!a || !b) return [];
  const out: string[] = [];
  if (a.cpuModel !== b.cpuModel) out.push(`CPU "${a.cpuModel}" vs "${b.cpuModel}"`);
  if (a.cores !== b.cores) out.push(`${a.cores} vs ${b.cores} cores`);
  if (nodeMajor(a.nodeVersion) !== nodeMajor(b.nodeVersion)) out.push(`Node ${a.nodeVersion} vs ${b.nodeVersion}`);
  if (a.os !== b.os || a.arch !== b.arch) out.push(`OS ${a.os}/${a.arch} vs ${b.os}/${b.arch}`);
  return out;
}

/** Distinct differences between any baseline run's machine and any current run's machine. */
export function runMachineDifferences(baseline: readonly RunFile[], current: readonly RunFile[]): string[] {
  const seen = new Set<string>();
  for (const b of baseline) for (const c of current) for (const d of machineDifferences(b.machine, c.machine)) seen.add(d);
  return [...seen];
}
