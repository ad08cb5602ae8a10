package dev.tradekit.strategy;

/**
 * Closed bars handed from the exchange's event thread to the engine's scheduler, as numbers in
 * preallocated arrays: no object per bar once the queue has grown to the largest backlog. {@link
 * #offer} tells the caller when the queue was empty, i.e. when one drain must be scheduled; the
 * drain takes bars with {@link #poll} until it is empty again. A bar that arrives on the
 * scheduler's own thread while nothing waits does not go through the queue (see {@code
 * Engine.onBar}).
 */
final class BarQueue {
  private long[] openTime = new long[16];
  private long[] closeTime = new long[16];
  private double[] values = new double[16 * 5];
  private int head;
  private int size;

  /** {@link #size} for a read without the lock (written under it). */
  private volatile int queued;

  /** Adds a bar; true when the queue was empty (schedule a drain). */
  synchronized boolean offer(
      long open, long close, double o, double h, double l, double c, double v) {
    if (size == openTime.length) {
      grow();
    }
    int i = (head + size) % openTime.length;
    openTime[i] = open;
    closeTime[i] = close;
    int j = i * 5;
    values[j] = o;
    values[j + 1] = h;
    values[j + 2] = l;
    values[j + 3] = c;
    values[j + 4] = v;
    size++;
    queued = size;
    return size == 1;
  }

  /** Moves the oldest bar into {@code into}; false when the queue is empty. */
  synchronized boolean poll(Bar into) {
    if (size == 0) {
      return false;
    }
    int j = head * 5;
    into.set(
        openTime[head],
        closeTime[head],
        values[j],
        values[j + 1],
        values[j + 2],
        values[j + 3],
        values[j + 4]);
    head = (head + 1) % openTime.length;
    size--;
    queued = size;
    return true;
  }

  synchronized void clear() {
    head = 0;
    size = 0;
    queued = 0;
  }

  /** Whether no bar waits, read without the lock (a bar being offered may not show yet). */
  boolean isEmpty() {
    return queued == 0;
  }

  private void grow() {
    int n = openTime.length;
    long[] ot = new long[n * 2];
    long[] ct = new long[n * 2];
    double[] vs = new double[n * 2 * 5];
    for (int k = 0; k < n; k++) {
      int from = (head + k) % n;
      ot[k] = openTime[from];
      ct[k] = closeTime[from];
      System.arraycopy(values, from * 5, vs, k * 5, 5);
    }
    openTime = ot;
    closeTime = ct;
    values = vs;
    head = 0;
  }
}
