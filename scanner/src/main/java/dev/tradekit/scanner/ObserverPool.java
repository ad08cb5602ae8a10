package dev.tradekit.scanner;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Re-checks candidates over REST: on every tick, each symbol with live candidates that the hot pool
 * does not already follow gets one depth request in the observer lane, whose concurrency adapts to
 * the load ({@link ScannerConfig#observerWorkers}: 1 to 3 workers). A symbol already queued or in
 * flight is not asked for again.
 */
final class ObserverPool {
  private final ScannerEngine engine;
  private final Set<String> pending = new HashSet<>();

  ObserverPool(ScannerEngine engine) {
    this.engine = engine;
  }

  /** The symbols the observer re-checks now. */
  List<String> observed() {
    List<String> out = new ArrayList<>();
    for (String symbol : engine.tracker.symbols()) {
      if (engine.tracker.count(symbol, LargeOrder.Stage.CANDIDATE) > 0
          && !engine.hot.covers(symbol)) {
        out.add(symbol);
      }
    }
    return out;
  }

  void tick() {
    if (engine.isClosed()) {
      return;
    }
    List<String> symbols = observed();
    engine.gate.limit(RequestGate.Lane.OBSERVER, engine.config.observerWorkers(symbols.size()));
    int depth = engine.config.depthLimit();
    int weight = ScannerConfig.depthWeight(depth);
    for (String symbol : symbols) {
      if (pending.add(symbol)) {
        engine
            .gate
            .submit(
                RequestGate.Lane.OBSERVER,
                weight,
                () -> engine.exchange.marketData().orderBook(symbol, depth))
            .whenComplete(
                (snapshot, e) -> {
                  pending.remove(symbol);
                  if (e == null && !engine.isClosed()) {
                    engine.observeSnapshot(symbol, snapshot);
                  }
                });
      }
    }
  }
}
