package dev.tradekit.server;

import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.Trade;
import dev.tradekit.execution.TargetOrder;
import dev.tradekit.marketmaker.QuoteContext;
import dev.tradekit.marketmaker.Strategy;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * A market-maker strategy that wants no orders while its bot is paused: the engine then cancels its
 * resting quotes and places none, but stays connected and keeps feeding fills and trades to the
 * wrapped strategy, so a grid's or a DCA deal's state is kept for the resume.
 */
final class PausableStrategy implements Strategy {
  private final Strategy base;
  private final AtomicBoolean paused;

  PausableStrategy(Strategy base, AtomicBoolean paused) {
    this.base = base;
    this.paused = paused;
  }

  @Override
  public List<TargetOrder> targets(QuoteContext ctx) {
    return paused.get() ? List.of() : base.targets(ctx);
  }

  @Override
  public void validate(Instrument instrument) {
    base.validate(instrument);
  }

  @Override
  public void onFill(Fill fill, long now) {
    base.onFill(fill, now);
  }

  @Override
  public void onTrade(Trade trade, double mid) {
    base.onTrade(trade, mid);
  }

  @Override
  public @Nullable String stopReason() {
    return paused.get() ? null : base.stopReason();
  }
}
