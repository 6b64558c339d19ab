// The CLI's entry point: a thin shell around runCli so that tests can call it directly. Everything
// it prints, a crash's stack trace too, passes the secret redaction.
import { runCli } from './cli.js';
import { exitOnClosedPipe, redacting, write } from './cli/io.js';
import { redactor, secretValues } from './model/redact.js';

exitOnClosedPipe(process.stdout);
exitOnClosedPipe(process.stderr);
const redact = redactor(secretValues(process.env));
const stderr = redacting(process.stderr, redact);
try {
  process.exitCode = await runCli(process.argv.slice(2), { stdout: redacting(process.stdout, redact), stderr });
} catch (e) {
  write(stderr, e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exitCode = 1;
}
