package dev.tradekit.scanner;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Keeps the hot pool across restarts: the scanner saves its hot orders on {@link Scanner#close()}
 * and loads them on {@link Scanner#start()}, keeping each order's id and first-seen time, so a wall
 * that lived through the restart keeps its lifetime.
 *
 * <pre>{@code
 * Scanner scanner = Scanner.builder().exchange(ex).scheduler(s)
 *     .hotPoolStore(HotPoolStore.jsonFile(Path.of("scanner-hot-pool.json")))
 *     .build();
 * }</pre>
 */
public interface HotPoolStore {

  /** A store that keeps nothing: the default. */
  HotPoolStore NONE =
      new HotPoolStore() {
        @Override
        public void save(List<LargeOrder> orders) {}

        @Override
        public List<LargeOrder> load() {
          return List.of();
        }
      };

  /**
   * Replaces what is stored with {@code orders}.
   *
   * @throws java.io.UncheckedIOException if writing fails
   */
  void save(List<LargeOrder> orders);

  /**
   * The orders last saved, empty when nothing was saved.
   *
   * @throws java.io.UncheckedIOException if reading fails
   * @throws IllegalStateException if the stored data is malformed
   */
  List<LargeOrder> load();

  /**
   * A store in one JSON file, written to a temporary file beside it and moved into place, so a
   * crash mid-save leaves the previous file intact. Entries whose id does not match their symbol,
   * side, price and first-seen time are skipped on load.
   */
  static HotPoolStore jsonFile(Path file) {
    return new JsonFileHotPoolStore(Objects.requireNonNull(file, "file"));
  }
}
