import { Writable } from 'node:stream';
import type { Redact } from '../model/redact.js';

export interface CliIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  cwd?: string;
  /** The environment (default process.env): the CI run id and attempt a shard records. */
  env?: NodeJS.ProcessEnv;
}

export { parse } from './args.js';
export { UsageError } from '../model/errors.js';

export const write = (stream: NodeJS.WritableStream, text: string): void => {
  stream.write(text.endsWith('\n') ? text : `${text}\n`);
};

/**
 * Ends the process quietly, with exit code 0, when the reader of `stream` goes away
 * (`track-performance baseline show --json | head`): an EPIPE is the reader's choice, not a failure.
 */
export function exitOnClosedPipe(stream: NodeJS.WritableStream): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(0);
  });
}

/** `stream` with every write passed through `redact` first (each write is one whole message). */
export function redacting(stream: NodeJS.WritableStream, redact: Redact): NodeJS.WritableStream {
  return new Writable({
    decodeStrings: false,
    write(chunk: string | Buffer, _encoding, done) {
      stream.write(redact(chunk.toString()));
      done(); // errors surface on `stream` itself (see exitOnClosedPipe)
    },
  });
}
