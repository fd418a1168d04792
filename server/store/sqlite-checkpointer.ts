/**
 * WAL checkpoints on a worker thread. Left to the writer connection, SQLite runs a checkpoint
 * inside the commit that takes the log past 1,000 pages (about every hundredth load of a 100-flag
 * snapshot): that commit then also copies the log into the database file and syncs it, on the
 * event loop, and every request waits. Here a second connection on its own thread checkpoints
 * what has been committed every `intervalMs` (PASSIVE: it never waits for, nor blocks, readers
 * and the writer) while the writer's automatic checkpoints are off. It changes nothing about
 * durability: a commit is acknowledged once its log frames are synced (synchronous=FULL), and a
 * checkpoint syncs the database file before the log may be reused. If the worker cannot run, the
 * writer checkpoints itself again, as SQLite does by default.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** Plain JavaScript (no loader needed on the worker thread); the driver's path comes from the main thread. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('synchronous = FULL');
const checkpoint = () => {
  try {
    return db.pragma('wal_checkpoint(PASSIVE)')[0];
  } catch {
    // Busy or interrupted: the next tick tries again.
    return null;
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message === 'checkpoint') {
    parentPort.postMessage(checkpoint());
    return;
  }
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

const driver = createRequire(import.meta.url).resolve('better-sqlite3');

export class Checkpointer {
  private readonly worker: Worker;
  private readonly exited: Promise<void>;

  /** `fallback`: turns the writer's own checkpoints back on (called if the worker fails). */
  constructor(path: string, fallback: () => void, intervalMs = 200) {
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, path, intervalMs } });
    // Never what keeps the process alive; close() ends it.
    this.worker.unref();
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.once('error', fallback);
  }

  /** Checkpoints now (besides the timer); resolves with SQLite's answer: frames in the log, frames copied (null: busy). */
  checkpoint(): Promise<{ busy: number; log: number; checkpointed: number } | null> {
    return new Promise((resolve) => {
      this.worker.once('message', resolve);
      this.worker.postMessage('checkpoint');
    });
  }

  /** Stops checkpointing and waits for the worker's connection to close. */
  async close(): Promise<void> {
    this.worker.postMessage('close');
    await this.exited;
  }
}
