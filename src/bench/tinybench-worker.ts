// The child process that runs one tinybench suite file (see tinybench.ts). Bundled by esbuild to
// dist/tinybench-worker.js; run from source with tsx. It talks to its parent only over IPC.
import { runCountWorker } from './worker-count.js';
import { runWorker } from './worker-run.js';
import { runScalingWorker } from './worker-scaling.js';
import type { WorkerMessage, WorkerRequest } from './worker-protocol.js';

if (!process.send) {
  process.stderr.write('tinybench-worker: run by track-performance over IPC, not by hand.\n');
  process.exit(2);
}

const send = (m: WorkerMessage) =>
  new Promise<void>((resolve, reject) => process.send!(m, undefined, {}, (e) => (e ? reject(e) : resolve())));

const request = JSON.parse(process.argv[2] ?? '{}') as WorkerRequest;
(request.scaling ? runScalingWorker(request, send) : request.count ? runCountWorker(request, send) : runWorker(request, send)).then(
  // Exit even when the suite left timers or sockets open.
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`tinybench-worker: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(70);
  },
);
