package dev.tradekit.marketmaker;

import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.Trade;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A strategy that wraps another and forwards the lifecycle hooks to it. */
abstract class DelegatingStrategy implements Strategy {
  protected final Strategy base;

  DelegatingStrategy(Strategy base) {
    this.base = Objects.requireNonNull(base, "base");
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
  public boolean wantsTrades() {
    return base.wantsTrades();
  }

  @Override
  public @Nullable String stopReason() {
    return base.stopReason();
  }
}
