// The corpus workloads, in a module of their own so that one process can import two independent
// copies (`workloads.mjs?base`, `workloads.mjs?head`), as an in-process A/B loads the base and
// the head tree's suite: separate functions, separate JIT feedback, one process.
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

let sink = 0;
const payload = { items: Array.from({ length: 200 }, (_, i) => ({ id: i, name: `item-${i}`, tags: ['a', 'b', String(i)], v: i * 1.5 })) };
const text = 'lorem ipsum dolor sit amet, consectetur 12345 adipiscing elit foo@example.com '.repeat(50);
const buf = Buffer.alloc(64 * 1024, 7);
let file = '/tmp/corpus.bin';

/** Sets the directory for the file-io workload's scratch file. */
export function useTmp(tmp) {
  file = join(tmp, `corpus-${process.pid}-${Math.random().toString(36).slice(2)}.bin`);
}
export function cleanUp() {
  rmSync(file, { force: true });
}
export function sinkValue() {
  return sink;
}

/** name → [base units, one unit of work]. Bases are sized for roughly 0.5–15 ms per sample;
 * round(base × factor) makes the true extra work of a variant differ slightly from its label,
 * so the units are recorded and the accuracy bench uses them. */
export const workloads = {
  'cpu-xorshift': [200, () => { let x = 2463534242; for (let i = 0; i < 5000; i++) { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; } sink ^= x; }],
  'alloc-objects': [100, () => { const a = []; for (let i = 0; i < 250; i++) a.push({ i, s: 'x' + i, arr: [i, i + 1] }); sink += a.length; }],
  'json-roundtrip': [10, () => { sink += JSON.parse(JSON.stringify(payload)).items.length; }],
  'sort-numbers': [20, () => { const a = new Float64Array(1000); for (let i = 0; i < a.length; i++) a[i] = Math.sin(i * 7.1); sink += a.sort()[0]; }],
  'regex-scan': [15, () => { sink += (text.match(/[a-z]+@[a-z]+\.com|\d{3,}/g) ?? []).length; }],
  'sha256': [50, () => { sink += createHash('sha256').update(buf.subarray(0, 8192)).digest()[0]; }],
  'map-churn': [50, () => { const m = new Map(); for (let i = 0; i < 150; i++) m.set('k' + i, i); for (let i = 0; i < 150; i++) sink += m.get('k' + i) ?? 0; }],
  'file-io': [10, () => { writeFileSync(file, buf); sink += readFileSync(file).length; }],
  'process-spawn': [5, () => { sink += spawnSync('/bin/true').status ?? 0; }],
  'string-build': [50, () => { let s = ''; for (let i = 0; i < 200; i++) s += i.toString(36); sink += s.length; }],
};
