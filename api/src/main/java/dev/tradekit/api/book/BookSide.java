package dev.tradekit.api.book;

import java.util.Arrays;
import java.util.Objects;

/**
 * One side of an {@link OrderBook}: an unrolled sorted list of price levels, best first.
 *
 * <p>Levels live in fixed-size blocks of {@value #BLOCK} slots carved out of two primitive pools
 * (keys and quantities). A directory lists the blocks in price order with each block's first key,
 * so a lookup is a binary search over the directory and one inside a block, and an insert or
 * removal shifts at most one block. A full block splits into two halves (or, at either end of the
 * side, a fresh block is started, so monotone fills stay packed); a block that empties is released
 * and two neighbours that fit in half a block are merged. Freed blocks go back to a free list, so
 * in steady state nothing is allocated; the pools double when every block is in use.
 *
 * <p>Keys are prices for asks and negated prices for bids, so both sides sort ascending (best
 * first). The logical index of each block's first level is cached and recomputed lazily from the
 * first block a change touched, which keeps {@link #price(int)} O(1) for the first block and O(log
 * blocks) after a walk elsewhere.
 */
final class BookSide {
  /** Levels per block. */
  static final int BLOCK = 32;

  private static final int HALF = BLOCK / 2;
  private static final int MAX_SLOTS = Integer.MAX_VALUE / (2 * BLOCK);

  private final boolean descending;

  // Pools: slot s holds keys[s * BLOCK .. s * BLOCK + sizes[s]), sorted ascending.
  private long[] keys;
  private double[] quantities;
  private int[] sizes;
  private int[] free;
  private int freeCount;

  // Directory: blocks in key order.
  private int[] slotAt;
  private long[] firstKey;
  private int[] startAt;
  private int blocks;
  private int validStarts = 1;

  private int count;

  BookSide(boolean descending, int initialCapacity) {
    this.descending = descending;
    allocate(Math.max(1, (initialCapacity + BLOCK - 1) / BLOCK));
  }

  private void allocate(int slots) {
    keys = new long[slots * BLOCK];
    quantities = new double[slots * BLOCK];
    sizes = new int[slots];
    free = new int[slots];
    slotAt = new int[slots];
    firstKey = new long[slots];
    startAt = new int[slots];
    releaseAllFrom(0);
  }

  /** Puts slots {@code from..} on the free list, lowest slot on top. */
  private void releaseAllFrom(int from) {
    freeCount = 0;
    for (int s = sizes.length - 1; s >= from; s--) {
      free[freeCount++] = s;
    }
  }

  int depth() {
    return count;
  }

  int capacity() {
    return sizes.length * BLOCK;
  }

  /** The number of blocks in use, for tests. */
  int blockCount() {
    return blocks;
  }

  void clear() {
    count = 0;
    blocks = 0;
    validStarts = 1;
    releaseAllFrom(0);
  }

  private long key(long price) {
    return descending ? -price : price;
  }

  long price(int level) {
    Objects.checkIndex(level, count);
    int d = blockOfLevel(level);
    return key(keys[slotAt[d] * BLOCK + level - startAt[d]]);
  }

  double quantity(int level) {
    Objects.checkIndex(level, count);
    int d = blockOfLevel(level);
    return quantities[slotAt[d] * BLOCK + level - startAt[d]];
  }

  double quantityAt(long price) {
    if (count == 0) {
      return 0.0;
    }
    long key = key(price);
    int d = blockOf(key);
    int base = slotAt[d] * BLOCK;
    int i = search(base, sizes[slotAt[d]], key);
    return i >= 0 ? quantities[base + i] : 0.0;
  }

  /** Sets the absolute quantity at {@code price}; a quantity {@code <= 0} removes the level. */
  void set(long price, double quantity) {
    long key = key(price);
    if (count == 0) {
      if (quantity > 0) {
        append(key, quantity);
      }
      return;
    }
    int d = blockOf(key);
    int slot = slotAt[d];
    int base = slot * BLOCK;
    int i = search(base, sizes[slot], key);
    if (i >= 0) {
      if (quantity > 0) {
        quantities[base + i] = quantity;
      } else {
        removeAt(d, i);
      }
    } else if (quantity > 0) {
      insertAt(d, -(i + 1), key, quantity);
    }
  }

  /**
   * Appends a level after the current worst one when it sorts after it; otherwise falls back to a
   * sorted {@link #set}. A quantity {@code <= 0} is skipped.
   */
  void appendOrSet(long price, double quantity) {
    long key = key(price);
    if (count == 0 || key > lastKey()) {
      if (quantity > 0) {
        append(key, quantity);
      }
    } else {
      set(price, quantity);
    }
  }

  private long lastKey() {
    int slot = slotAt[blocks - 1];
    return keys[slot * BLOCK + sizes[slot] - 1];
  }

  /**
   * Replaces this side's content with a copy of {@code other}'s (same ordering), packed in order.
   */
  void copyFrom(BookSide other) {
    int needed = other.blocks;
    if (sizes.length < needed) {
      int slots = sizes.length;
      while (slots < needed) {
        slots = newSlots(slots);
      }
      allocate(slots);
    }
    for (int d = 0; d < needed; d++) {
      int from = other.slotAt[d];
      int n = other.sizes[from];
      System.arraycopy(other.keys, from * BLOCK, keys, d * BLOCK, n);
      System.arraycopy(other.quantities, from * BLOCK, quantities, d * BLOCK, n);
      sizes[d] = n;
      slotAt[d] = d;
      firstKey[d] = other.firstKey[d];
    }
    blocks = needed;
    count = other.count;
    validStarts = 1;
    releaseAllFrom(needed);
  }

  double cumulative(int levels) {
    int remaining = Math.min(levels, count);
    double sum = 0.0;
    for (int d = 0; remaining > 0; d++) {
      int slot = slotAt[d];
      int base = slot * BLOCK;
      int n = Math.min(sizes[slot], remaining);
      for (int i = 0; i < n; i++) {
        sum += quantities[base + i];
      }
      remaining -= n;
    }
    return sum;
  }

  /** The number of levels whose price is within {@code distance} ticks of the best level. */
  int levelsWithin(long distance) {
    if (count == 0) {
      return 0;
    }
    long best = keys[slotAt[0] * BLOCK];
    long limit = best + distance;
    if (limit < best) { // overflow: every level is within
      return count;
    }
    int d = blockOf(limit);
    int i = search(slotAt[d] * BLOCK, sizes[slotAt[d]], limit);
    return start(d) + (i >= 0 ? i + 1 : -(i + 1));
  }

  // ---- lookup -------------------------------------------------------------------------------

  /**
   * The directory index of the block that holds or would hold {@code key} (needs a block). Updates
   * cluster near the touch, so the first block is tried before the branch-free binary search.
   */
  private int blockOf(long key) {
    int n = blocks;
    if (n == 1 || key < firstKey[1]) {
      return 0;
    }
    // the last block whose first key is <= key; firstKey[1] <= key here
    int lo = 1;
    int len = n - 1;
    while (len > 1) {
      int half = len >>> 1;
      lo = firstKey[lo + half] <= key ? lo + half : lo;
      len -= half;
    }
    return lo;
  }

  /**
   * Index of {@code key} in {@code keys[base, base + n)} ({@code n >= 1}), else {@code
   * -(insertionPoint + 1)}; a branch-free binary search, as the probes are unpredictable.
   */
  private int search(int base, int n, long key) {
    int lo = base;
    int len = n;
    while (len > 1) {
      int half = len >>> 1;
      lo = keys[lo + half] <= key ? lo + half : lo;
      len -= half;
    }
    long k = keys[lo];
    if (k == key) {
      return lo - base;
    }
    return -((k < key ? lo + 1 : lo) - base + 1);
  }

  /** The directory index of the block holding logical {@code level} (within the depth). */
  private int blockOfLevel(int level) {
    if (level < sizes[slotAt[0]]) {
      return 0;
    }
    int v = validStarts;
    while (v < blocks) {
      int end = startAt[v - 1] + sizes[slotAt[v - 1]];
      if (end > level) {
        break;
      }
      startAt[v++] = end;
    }
    validStarts = v;
    int lo = 1;
    int hi = v - 1;
    int found = 0;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (startAt[mid] <= level) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  /** The logical index of the first level of block {@code d}. */
  private int start(int d) {
    int v = validStarts;
    while (v <= d) {
      startAt[v] = startAt[v - 1] + sizes[slotAt[v - 1]];
      v++;
    }
    validStarts = v;
    return startAt[d];
  }

  /** Block {@code d} changed size: the cached starts after it are stale. */
  private void touched(int d) {
    if (validStarts > d + 1) {
      validStarts = d + 1;
    }
  }

  // ---- mutation -----------------------------------------------------------------------------

  private void append(long key, double quantity) {
    if (blocks == 0 || sizes[slotAt[blocks - 1]] == BLOCK) {
      openBlock(blocks);
    }
    int d = blocks - 1;
    int slot = slotAt[d];
    int n = sizes[slot];
    keys[slot * BLOCK + n] = key;
    quantities[slot * BLOCK + n] = quantity;
    sizes[slot] = n + 1;
    if (n == 0) {
      firstKey[d] = key;
    }
    count++;
    touched(d);
  }

  private void insertAt(int d, int pos, long key, double quantity) {
    if (sizes[slotAt[d]] == BLOCK) {
      if (pos == BLOCK && d == blocks - 1) {
        append(key, quantity);
        return;
      }
      if (pos == 0 && d == 0) {
        openBlock(0);
      } else {
        split(d);
        if (pos > HALF) {
          d++;
          pos -= HALF;
        }
      }
    }
    int slot = slotAt[d];
    int base = slot * BLOCK;
    int n = sizes[slot];
    System.arraycopy(keys, base + pos, keys, base + pos + 1, n - pos);
    System.arraycopy(quantities, base + pos, quantities, base + pos + 1, n - pos);
    keys[base + pos] = key;
    quantities[base + pos] = quantity;
    sizes[slot] = n + 1;
    if (pos == 0) {
      firstKey[d] = key;
    }
    count++;
    touched(d);
  }

  private void removeAt(int d, int pos) {
    int slot = slotAt[d];
    int base = slot * BLOCK;
    int n = sizes[slot] - 1;
    System.arraycopy(keys, base + pos + 1, keys, base + pos, n - pos);
    System.arraycopy(quantities, base + pos + 1, quantities, base + pos, n - pos);
    sizes[slot] = n;
    count--;
    touched(d);
    if (n == 0) {
      closeBlock(d);
      return;
    }
    if (pos == 0) {
      firstKey[d] = keys[base];
    }
    if (d + 1 < blocks && n + sizes[slotAt[d + 1]] <= HALF) {
      mergeNext(d);
    } else if (d > 0 && n + sizes[slotAt[d - 1]] <= HALF) {
      mergeNext(d - 1);
    }
  }

  /** Moves the upper half of full block {@code d} into a new block after it. */
  private void split(int d) {
    openBlock(d + 1);
    int from = slotAt[d];
    int to = slotAt[d + 1];
    System.arraycopy(keys, from * BLOCK + HALF, keys, to * BLOCK, BLOCK - HALF);
    System.arraycopy(quantities, from * BLOCK + HALF, quantities, to * BLOCK, BLOCK - HALF);
    sizes[from] = HALF;
    sizes[to] = BLOCK - HALF;
    firstKey[d + 1] = keys[to * BLOCK];
    touched(d);
  }

  /** Appends block {@code d + 1} to block {@code d} and releases it. */
  private void mergeNext(int d) {
    int into = slotAt[d];
    int from = slotAt[d + 1];
    int n = sizes[into];
    int m = sizes[from];
    System.arraycopy(keys, from * BLOCK, keys, into * BLOCK + n, m);
    System.arraycopy(quantities, from * BLOCK, quantities, into * BLOCK + n, m);
    sizes[into] = n + m;
    sizes[from] = 0;
    closeBlock(d + 1);
    touched(d);
  }

  /** Inserts an empty block at directory index {@code d}. */
  private void openBlock(int d) {
    if (freeCount == 0) {
      grow();
    }
    int slot = free[--freeCount];
    System.arraycopy(slotAt, d, slotAt, d + 1, blocks - d);
    System.arraycopy(firstKey, d, firstKey, d + 1, blocks - d);
    slotAt[d] = slot;
    sizes[slot] = 0;
    blocks++;
    touched(d);
  }

  /** Removes the (empty or merged-away) block at directory index {@code d}. */
  private void closeBlock(int d) {
    free[freeCount++] = slotAt[d];
    System.arraycopy(slotAt, d + 1, slotAt, d, blocks - d - 1);
    System.arraycopy(firstKey, d + 1, firstKey, d, blocks - d - 1);
    blocks--;
    touched(d);
  }

  /** Doubles the pools; called only when every slot is in use. */
  private void grow() {
    int old = sizes.length;
    int slots = newSlots(old);
    keys = Arrays.copyOf(keys, slots * BLOCK);
    quantities = Arrays.copyOf(quantities, slots * BLOCK);
    sizes = Arrays.copyOf(sizes, slots);
    slotAt = Arrays.copyOf(slotAt, slots);
    firstKey = Arrays.copyOf(firstKey, slots);
    startAt = Arrays.copyOf(startAt, slots);
    free = new int[slots];
    releaseAllFrom(old);
  }

  private static int newSlots(int slots) {
    if (slots >= MAX_SLOTS) {
      throw new IllegalStateException(
          "order book side cannot grow beyond " + (long) slots * BLOCK + " levels");
    }
    return Math.min(Math.max(slots * 2, 1), MAX_SLOTS);
  }
}
