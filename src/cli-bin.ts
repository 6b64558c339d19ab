// The CLI's entry point: a thin shell around runCli so that tests can call it directly.
import { runCli } from './cli.js';
import { exitOnClosedPipe } from './cli/io.js';

exitOnClosedPipe(process.stdout);
exitOnClosedPipe(process.stderr);
process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
