/** Where the flows write what they do: @actions/core in the action, stderr in the CLI. */
export interface Logger {
  info(message: string): void;
  warning(message: string): void;
  /** Start and end a collapsible group (a suite's log in the action). */
  startGroup(name: string): void;
  endGroup(): void;
}

/** A logger for terminals: everything to one stream (stderr, so stdout stays machine-readable). */
export function streamLogger(stream: NodeJS.WritableStream): Logger {
  return {
    info: (m) => void stream.write(`${m}\n`),
    warning: (m) => void stream.write(`warning: ${m}\n`),
    startGroup: (n) => void stream.write(`── ${n}\n`),
    endGroup: () => undefined,
  };
}
