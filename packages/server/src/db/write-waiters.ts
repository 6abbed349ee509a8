import { BroadcastChannel } from "node:worker_threads";

/**
 * Who is waiting for an SQLite file's write lock, told to whoever holds it. A long writer (an import in the
 * job worker thread) writes in short transactions and, between two of them, leaves the lock free for a while
 * so that a waiting writer (an API request on the main thread) gets it (issue 18). Leaving it free costs
 * the long writer wall time — 50 ms after every 150 ms slice was a quarter of an import's time (issue 16) —
 * so it leaves the gap only when someone is waiting.
 *
 * A writer that finds the lock taken (`begin immediate` fails, db/sqlite-dialect.ts) announces itself on a
 * BroadcastChannel, which reaches every thread of this process: the job worker, the request thread. Writers
 * in another process (a CLI command on the server's file) cannot be heard: the long writer also leaves a gap
 * at least every so often (features/imports/store.ts). Announcements are cheap and may be spurious (another
 * database of the same name in a test, the long writer's own retry): the cost of one is one gap.
 */
/** The channel's name: every thread of the process opens its own channel of this name. */
export const WRITE_WAITERS_CHANNEL = "tumbuh:sqlite-write-lock-wanted";

let sender: BroadcastChannel | undefined;

/** Said by a writer that found `file`'s write lock taken and will try again shortly. */
export function announceWaiting(file: string): void {
  if (!sender) {
    sender = new BroadcastChannel(WRITE_WAITERS_CHANNEL);
    // The channel must not keep a thread or a CLI process alive after its work is done.
    sender.unref();
  }
  sender.postMessage(file);
}

/** Listens, while a long write runs, for writers waiting for `file`'s write lock. */
export class WriteWaiters {
  readonly #channel = new BroadcastChannel(WRITE_WAITERS_CHANNEL);
  #heard = false;

  constructor(file: string) {
    this.#channel.unref();
    this.#channel.onmessage = (e) => {
      if ((e as { data?: unknown }).data === file) this.#heard = true;
    };
  }

  /**
   * Whether a writer announced itself since the last call. Messages arrive between event-loop turns, not
   * during a synchronous slice of writing: await one turn (`setImmediate`) before asking.
   */
  take(): boolean {
    const heard = this.#heard;
    this.#heard = false;
    return heard;
  }

  close(): void {
    this.#channel.close();
  }
}
