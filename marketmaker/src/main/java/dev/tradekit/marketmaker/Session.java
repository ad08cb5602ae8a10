package dev.tradekit.marketmaker;

import dev.tradekit.api.book.TickScale;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.execution.DeadManSwitchKeeper;
import dev.tradekit.execution.OrderSync;
import dev.tradekit.execution.OrderTracker;
import dev.tradekit.execution.PlanExecutor;
import org.jspecify.annotations.Nullable;

/** What one run of the engine (start to stop) works with. */
final class Session {
  final Instrument instrument;
  final TickScale scale;
  final OrderTracker tracker;
  final PlanExecutor executor;
  final AccountState account;
  @Nullable DeadManSwitchKeeper deadMan;

  Session(Instrument instrument, OrderTracker tracker, PlanExecutor executor) {
    this.instrument = instrument;
    this.scale = TickScale.of(instrument.tickSize());
    this.tracker = tracker;
    this.executor = executor;
    this.account = new AccountState(instrument.symbol(), instrument.marginAsset());
  }

  OrderSync.Rules rules(SyncSettings sync, boolean canAmend) {
    java.time.Duration age = sync.maxOrderAge();
    return new OrderSync.Rules(
        instrument.tickSize(),
        sync.priceToleranceTicks(),
        sync.sizeTolerance(),
        canAmend,
        age == null ? 0 : age.toMillis());
  }
}
