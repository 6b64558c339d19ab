/** The CLI: the same flows as the action, from a terminal. */
export async function runCli(
  _argv: string[],
  io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream },
): Promise<number> {
  io.stdout.write('track-performance: not wired yet\n');
  return 0;
}
