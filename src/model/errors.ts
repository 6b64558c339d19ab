/**
 * Named errors for what the user can fix. Each message says where (file, JSON path, line) and
 * what was expected, so it reads as one clear paragraph in a log.
 */

/** Bad input in the config file or the action's inputs. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(
    message: string,
    readonly file?: string,
    readonly path?: string,
  ) {
    super(message);
  }
}

/** A foreign tool's output that could not be read. */
export class ImportError extends Error {
  override name = 'ImportError';
  constructor(
    message: string,
    readonly file: string,
    readonly format?: string,
    /** 1-based line, or a JSON path such as `$.benchmarks[3].real_time`. */
    readonly location?: string | number,
  ) {
    super(message);
  }
}

/** A baseline or history that cannot be read or written safely. Nothing stored is touched. */
export class StoreError extends Error {
  override name = 'StoreError';
  constructor(
    message: string,
    readonly location?: string,
  ) {
    super(message);
  }
}

/** A suite that could not run at all (missing file, crashed process, failing command). */
export class BenchError extends Error {
  override name = 'BenchError';
  constructor(
    message: string,
    readonly suite?: string,
    readonly task?: string,
  ) {
    super(message);
  }
}

/** Errors the user can act on: printed as a message, not a stack trace. */
export function isUserError(e: unknown): e is ConfigError | ImportError | StoreError | BenchError {
  return e instanceof ConfigError || e instanceof ImportError || e instanceof StoreError || e instanceof BenchError;
}
