// Group commit: callers that arrive while a commit is being written join the next one, so under load
// one transaction (and one fsync) acknowledges many answers instead of one each. Each caller still
// learns its own result, and nobody's promise resolves before the transaction holding its item commits.

export type CommitBatch<T, R> = (items: T[]) => Promise<R[]> | R[];

export class GroupCommit<T, R> {
  private pending: { item: T; resolve: (result: R) => void; reject: (error: unknown) => void }[] = [];
  private running = false;
  private idleWaiters: (() => void)[] = [];

  /**
   * @param commit writes all items in ONE transaction and returns one result per item, in order
   * @param maxBatch upper bound of one transaction, so a burst never builds one huge statement
   * @param onCommit told the size of every committed batch (tests observe batching through it)
   * @param blamesItem true when an error is about the data of some item rather than the database
   *   (a constraint, a value out of range): the batch is then retried one item per transaction
   */
  constructor(
    private readonly commit: CommitBatch<T, R>,
    private readonly maxBatch = 500,
    private readonly onCommit?: (size: number) => void,
    private readonly blamesItem: (error: unknown) => boolean = () => false,
  ) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (!this.running) {
        this.running = true;
        // setImmediate rather than a microtask: requests parsed in the same turn of the event loop
        // (the poll phase) all get queued before the first batch is cut, also for the synchronous
        // SQLite driver, where no commit is ever "in flight" from JavaScript's point of view.
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0, this.maxBatch);
        await this.commitBatch(batch);
      }
    } finally {
      this.running = false;
      for (const wake of this.idleWaiters.splice(0)) wake();
    }
  }

  /** Resolves once every item submitted so far has been committed (or failed): used by close(). */
  idle(): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async commitBatch(batch: typeof this.pending): Promise<void> {
    try {
      const results = await this.commit(batch.map((entry) => entry.item));
      this.onCommit?.(batch.length);
      batch.forEach((entry, index) => entry.resolve(results[index] as R));
    } catch (error) {
      if (batch.length === 1 || !this.blamesItem(error)) {
        // an unreachable or full database fails the whole batch at once
        for (const entry of batch) entry.reject(error);
        return;
      }
      // One bad item must not fail the others: one transaction each, so only it is rejected.
      for (const entry of batch) await this.commitBatch([entry]);
    }
  }
}
