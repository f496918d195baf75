// **alone-gate** lets tasks share the threads, and a large one run with no other beside it.

/**
 * A readers–writer gate for thread tasks: ordinary tasks run side by side; a large one (a 10 MB
 * page with a 9,076-distribution dataset) waits for those running to finish, keeps new ones out
 * while it waits and runs, and so never adds its memory to theirs.
 */
export class AloneGate {
  private running = 0;
  private waitingAlone = 0;
  private alone = false;
  private wakers: (() => void)[] = [];

  /** Waits for the task's turn (`alone`: with no other task running). */
  async enter(alone: boolean): Promise<void> {
    if (alone) this.waitingAlone++;
    try {
      while (this.alone || (alone ? this.running > 0 : this.waitingAlone > 0))
        await new Promise<void>((wake) => this.wakers.push(wake));
    } finally {
      if (alone) this.waitingAlone--;
    }
    this.running++;
    if (alone) this.alone = true;
  }

  /** Ends a task entered with the same `alone`. */
  leave(alone: boolean): void {
    this.running--;
    if (alone) this.alone = false;
    const wakers = this.wakers;
    this.wakers = [];
    for (const wake of wakers) wake();
  }

  /** Runs `task` in its turn. */
  async run<T>(alone: boolean, task: () => Promise<T>): Promise<T> {
    await this.enter(alone);
    try {
      return await task();
    } finally {
      this.leave(alone);
    }
  }
}
