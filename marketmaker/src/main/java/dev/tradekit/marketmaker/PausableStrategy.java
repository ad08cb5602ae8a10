package dev.tradekit.marketmaker;

import dev.tradekit.execution.TargetOrder;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Wants no orders while paused, so the engine cancels the resting quotes and places none; fills and
 * trades still reach the wrapped strategy, so a grid's or a DCA deal's state survives the pause.
 */
final class PausableStrategy extends DelegatingStrategy {
  private final BooleanSupplier paused;

  PausableStrategy(Strategy base, BooleanSupplier paused) {
    super(base);
    this.paused = Objects.requireNonNull(paused, "paused");
  }

  @Override
  public List<TargetOrder> targets(QuoteContext ctx) {
    return paused.getAsBoolean() ? List.of() : base.targets(ctx);
  }

  @Override
  public @Nullable String stopReason() {
    return paused.getAsBoolean() ? null : base.stopReason();
  }
}
