package dev.tradekit.backtest.data;

/** Merges sources by (event time, source index) with a binary heap of one buffered event each. */
final class MergedSource implements MarketDataSource {

  private final MarketDataSource[] sources;
  private final MarketEvent[] heads;
  private final int[] heap;
  private int size;

  MergedSource(MarketDataSource[] sources) {
    this.sources = sources.clone();
    this.heads = new MarketEvent[sources.length];
    this.heap = new int[sources.length];
    for (int i = 0; i < sources.length; i++) {
      heads[i] = new MarketEvent();
      if (this.sources[i].next(heads[i])) {
        heap[size++] = i;
        siftUp(size - 1);
      }
    }
  }

  @Override
  public boolean next(MarketEvent into) {
    if (size == 0) {
      return false;
    }
    int top = heap[0];
    into.copyFrom(heads[top]);
    if (sources[top].next(heads[top])) {
      siftDown(0);
    } else {
      heap[0] = heap[--size];
      if (size > 0) {
        siftDown(0);
      }
    }
    return true;
  }

  private boolean less(int a, int b) {
    long ta = heads[a].eventTime();
    long tb = heads[b].eventTime();
    return ta < tb || (ta == tb && a < b);
  }

  private void siftUp(int pos) {
    int i = pos;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!less(heap[i], heap[parent])) {
        return;
      }
      swap(i, parent);
      i = parent;
    }
  }

  private void siftDown(int pos) {
    int i = pos;
    while (true) {
      int left = 2 * i + 1;
      if (left >= size) {
        return;
      }
      int smallest = left;
      int right = left + 1;
      if (right < size && less(heap[right], heap[left])) {
        smallest = right;
      }
      if (!less(heap[smallest], heap[i])) {
        return;
      }
      swap(i, smallest);
      i = smallest;
    }
  }

  private void swap(int a, int b) {
    int t = heap[a];
    heap[a] = heap[b];
    heap[b] = t;
  }

  @Override
  public void close() {
    RuntimeException first = null;
    for (MarketDataSource s : sources) {
      try {
        s.close();
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
