package dev.tradekit.backtest.data;

import dev.tradekit.api.model.Side;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** Helpers shared by the data tests. */
final class TestEvents {

  private TestEvents() {}

  /** Every field of an event, levels included, as text (for equality of whole streams). */
  static String full(MarketEvent e) {
    StringBuilder sb = new StringBuilder(e.toString());
    sb.append(" recv=").append(e.receiveTimeNanos()).append(" T=").append(e.transactionTime());
    sb.append(" ids=").append(e.firstUpdateId()).append('/').append(e.lastUpdateId());
    sb.append('/').append(e.prevUpdateId());
    for (Side side : Side.values()) {
      sb.append(' ').append(side).append('[');
      for (int i = 0; i < e.levelCount(side); i++) {
        sb.append(e.levelPriceTicks(side, i)).append('x').append(e.levelQuantity(side, i));
        sb.append(' ');
      }
      sb.append(']');
    }
    return sb.toString();
  }

  /** Drains a source into copies (tests only: allocates). */
  static List<MarketEvent> drain(MarketDataSource source) {
    List<MarketEvent> out = new ArrayList<>();
    try (source) {
      MarketEvent e = new MarketEvent();
      while (source.next(e)) {
        out.add(e.copyOf());
      }
    }
    return out;
  }

  /** A reference data file, or a skipped test when the data folder or file is absent. */
  static Path refData(String relative) {
    String root = System.getProperty("tradekit.refdata");
    Assumptions.assumeTrue(root != null, "tradekit.refdata is not set: no reference data");
    Path file = Path.of(root).resolve(relative);
    Assumptions.assumeTrue(Files.exists(file), "reference data missing: " + file);
    return file;
  }

  /** A source over fixed events. */
  static MarketDataSource of(MarketEvent... events) {
    return new MarketDataSource() {
      private int next;

      @Override
      public boolean next(MarketEvent into) {
        if (next == events.length) {
          return false;
        }
        into.copyFrom(events[next++]);
        return true;
      }

      @Override
      public void close() {}
    };
  }
}
