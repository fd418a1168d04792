import fs from 'node:fs';

/** The run's temporary database directory goes away with the run. */
export default function globalTeardown(): void {
  const dir = process.env.SWITCHYARD_E2E_DIR;
  if (dir && dir.includes('switchyard-e2e-')) fs.rmSync(dir, { recursive: true, force: true });
}
