#!/usr/bin/env node
/**
 * A workload with a known serial share, for the scalability fit (research/usl-real.ts, the
 * optimize e2e test): `--workers N` worker threads run `--jobs J` jobs of `--job-ms T` ms of
 * one worker's work each. Per job, one worker holds a shared lock (a SharedArrayBuffer word,
 * taken with Atomics.compareExchange and waited on with Atomics.wait) and spins on the CPU for
 * `--serial s` × T while the others wait at a barrier; then every worker does its 1/N share of
 * the parallel part, (1 − s) × T / N. That is Amdahl's law by construction: a job takes
 * s·T + (1 − s)·T/N, so σ = s, plus process start-up as extra serial time.
 *
 * The parallel part is CPU work (`--parallel cpu`, a fixed number of loop iterations calibrated
 * at start, so more workers than cores cannot overlap) or waiting (`--parallel wait`, like I/O:
 * concurrent calls to a service, independent of the machine's cores). Writes {"units": J,
 * "seconds": t} to $TRACK_PERFORMANCE_METRICS when set, t timed by worker 0 from the barrier
 * all workers pass once started to the end of the last job: Node and thread start-up (0.5 s
 * and more on a loaded machine) left out.
 */
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const LOCK = 0;
const COUNT = 1;
const GEN = 2;

function spinFor(ms) {
  const end = performance.now() + ms;
  let x = 0;
  while (performance.now() < end) x += Math.sqrt(x + 1);
  return x;
}

function spinIterations(n) {
  let x = 0;
  for (let i = 0; i < n; i++) x += Math.sqrt(x + i);
  return x;
}

function lock(s) {
  while (Atomics.compareExchange(s, LOCK, 0, 1) !== 0) Atomics.wait(s, LOCK, 1);
}

function unlock(s) {
  Atomics.store(s, LOCK, 0);
  Atomics.notify(s, LOCK, 1);
}

function barrier(s, n) {
  const gen = Atomics.load(s, GEN);
  if (Atomics.add(s, COUNT, 1) === n - 1) {
    Atomics.store(s, COUNT, 0);
    Atomics.add(s, GEN, 1);
    Atomics.notify(s, GEN);
  } else {
    while (Atomics.load(s, GEN) === gen) Atomics.wait(s, GEN, gen);
  }
}

if (isMainThread) {
  const arg = (name, dflt) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : dflt;
  };
  const workers = Number(arg('workers', '1'));
  const jobs = Number(arg('jobs', '20'));
  const jobMs = Number(arg('job-ms', '20'));
  const serial = Number(arg('serial', '0.1'));
  const parallel = arg('parallel', 'wait');
  if (!(workers >= 1) || !(jobs >= 1) || !(jobMs > 0) || !(serial >= 0 && serial <= 1) || !['cpu', 'wait'].includes(parallel)) {
    console.error('usage: usl-workload.mjs --workers N --jobs J --job-ms T --serial s --parallel cpu|wait');
    process.exit(2);
  }
  // Iterations per ms of this machine, for CPU parallel work that more threads than cores cannot overlap.
  let perMs = 0;
  if (parallel === 'cpu') {
    const t0 = performance.now();
    spinIterations(2e6);
    perMs = 2e6 / (performance.now() - t0);
  }
  const shared = new Int32Array(new SharedArrayBuffer(12));
  const done = [];
  let seconds = NaN;
  for (let id = 0; id < workers; id++) {
    const w = new Worker(new URL(import.meta.url), { workerData: { id, workers, jobs, jobMs, serial, parallel, perMs, shared } });
    w.on('message', (s) => (seconds = s));
    done.push(new Promise((resolve, reject) => (w.on('exit', resolve), w.on('error', reject))));
  }
  await Promise.all(done);
  if (process.env.TRACK_PERFORMANCE_METRICS) writeFileSync(process.env.TRACK_PERFORMANCE_METRICS, JSON.stringify({ units: jobs, seconds }));
} else {
  const { id, workers, jobs, jobMs, serial, parallel, perMs, shared } = workerData;
  const share = ((1 - serial) * jobMs) / workers;
  const nap = new Int32Array(new SharedArrayBuffer(4));
  barrier(shared, workers);
  const start = process.hrtime.bigint();
  for (let j = 0; j < jobs; j++) {
    if (id === 0 && serial > 0) {
      lock(shared);
      spinFor(serial * jobMs);
      unlock(shared);
    }
    barrier(shared, workers);
    if (parallel === 'cpu') spinIterations(Math.round(share * perMs));
    else Atomics.wait(nap, 0, 0, share);
    barrier(shared, workers);
  }
  if (id === 0) parentPort?.postMessage(Number(process.hrtime.bigint() - start) / 1e9);
}
