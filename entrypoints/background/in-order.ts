/**
 * One task at a time per key: each task of a key starts once every earlier task of that key has
 * settled (resolved or failed), so a tab's changes apply in the order they were asked for, even
 * when one takes longer than the next arrives. Keys with nothing queued hold no memory.
 */
export function keyedQueue<K>(): <T>(key: K, task: () => Promise<T>) => Promise<T> {
  const queues = new Map<K, Promise<void>>();
  return <T>(key: K, task: () => Promise<T>): Promise<T> => {
    const previous = queues.get(key) ?? Promise.resolve();
    const run = previous.then(task);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    queues.set(key, settled);
    void settled.then(() => {
      if (queues.get(key) === settled) queues.delete(key);
    });
    return run;
  };
}
