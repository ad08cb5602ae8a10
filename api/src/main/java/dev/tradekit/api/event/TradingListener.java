package dev.tradekit.api.event;

/**
 * Receives {@link TradingEvent}s from an engine.
 *
 * <pre>{@code
 * MarketMaker.builder()...listener(event -> log.info("{}", event)).build();
 * }</pre>
 *
 * <p>Called on the engine's scheduler thread, synchronously, in the order events happen. It must
 * return quickly and must not block; an exception it throws is caught and ignored by the engine.
 */
@FunctionalInterface
public interface TradingListener {

  /** A listener that ignores everything. */
  TradingListener NONE = event -> {};

  void onEvent(TradingEvent event);

  /** A listener that calls this one, then {@code next}. */
  default TradingListener andThen(TradingListener next) {
    return event -> {
      onEvent(event);
      next.onEvent(event);
    };
  }
}
