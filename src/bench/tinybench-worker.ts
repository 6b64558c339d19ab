// Placeholder: the child process that runs one tinybench suite (see src/bench/tinybench.ts).
process.exitCode = 0;
