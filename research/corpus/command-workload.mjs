// One corpus workload as a command: `node command-workload.mjs <workload> <reps> <tmp>` runs its
// base units `reps` times over, for benchmarks of command suites (research/command-ab.ts).
import { cleanUp, useTmp, workloads } from './workloads.mjs';

const [name, reps, tmp] = process.argv.slice(2);
const entry = workloads[name];
if (!entry) {
  console.error(`unknown workload ${name}; known: ${Object.keys(workloads).join(', ')}`);
  process.exit(2);
}
useTmp(tmp);
const [units, unit] = entry;
for (let r = 0; r < Number(reps); r++) for (let u = 0; u < units; u++) unit();
cleanUp();
