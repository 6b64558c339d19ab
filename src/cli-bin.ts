// The CLI's entry point: a thin shell around runCli so that tests can call it directly.
import { runCli } from './cli.js';

process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
