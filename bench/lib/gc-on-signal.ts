/**
 * Preloaded into a server started by the memory benchmark (`node --expose-gc --import …`):
 * SIGUSR2 runs a full garbage collection and prints `gc-done` so the bench reads RSS after it.
 * Bench-only; the server's own code is untouched.
 */
process.on('SIGUSR2', () => {
  globalThis.gc?.();
  globalThis.gc?.();
  process.stdout.write('gc-done\n');
});
