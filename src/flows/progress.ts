import type { ProgressEvent } from '../bench/types.js';
import { formatValue } from '../comment/format.js';
import type { Logger } from './logger.js';

/** Turns runner events into log lines: one group per suite, a line per task, errors as warnings. */
export function progressLogger(log: Logger): (e: ProgressEvent) => void {
  return (e) => {
    switch (e.type) {
      case 'suite-start':
        log.startGroup(`suite ${JSON.stringify(e.suite)} (${e.kind})`);
        break;
      case 'task-done': {
        const b = e.benchmark;
        log.info(`  ✓ ${JSON.stringify(e.task)}: ${b.stats.n} samples, median ${formatValue(b.value, b.unit)}`);
        break;
      }
      case 'info':
        log.info(`  ${e.message}`);
        break;
      case 'error':
        log.warning(`${JSON.stringify(e.suite)}${e.task ? ` / ${JSON.stringify(e.task)}` : ''}: ${e.message}`);
        break;
      case 'suite-done':
        log.info(`  ${e.benchmarks} benchmark(s), ${e.errors} error(s) in ${(e.durationMs / 1000).toFixed(1)} s`);
        log.endGroup();
        break;
    }
  };
}
