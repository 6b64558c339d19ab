/**
 * Takes a store lock and holds it until killed: `node --import tsx lock-holder.ts <lockFile>`.
 * Prints "held" once it holds the lock.
 */
import { withLock } from '../../src/store/file-lock.js';

await withLock(process.argv[2]!, async () => {
  process.stdout.write('held\n');
  await new Promise(() => setInterval(() => undefined, 1_000));
});
