package dev.tradekit.samples.cli;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.runtime.LiveScheduler;
import dev.tradekit.execution.RiskLimits;
import dev.tradekit.marketmaker.MarketMaker;
import dev.tradekit.marketmaker.MarketMakerStatus;
import dev.tradekit.marketmaker.QuoteParameters;
import dev.tradekit.marketmaker.Strategies;
import dev.tradekit.marketmaker.Strategy;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tradekit marketmaker}: runs one market maker from a config file until stopped. */
@Command(
    name = "marketmaker",
    mixinStandardHelpOptions = true,
    description = "Quotes one symbol with the market maker described in the config file.")
final class MarketMakerCommand implements Callable<Integer> {
  @Spec @Nullable CommandSpec spec;

  @Mixin VenueOptions venue = new VenueOptions();

  @Option(
      names = "--duration",
      converter = Durations.class,
      description = "Stop after this long (default: until Ctrl-C).")
  @Nullable Duration duration;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = Objects.requireNonNull(spec, "spec").commandLine().getOut();
    VenueConfig cfg = venue.load();
    String symbol = cfg.symbol();
    Strategy strategy = strategy(cfg.string("strategy", "fixed-spread"));
    QuoteParameters params =
        QuoteParameters.of(cfg.decimal("spread", "0.001"), cfg.decimal("amount", "0.002"));
    int levels = cfg.integer("levels", 1);
    if (levels > 1) {
      params = params.withLevels(levels, params.bidSpread(), BigDecimal.ZERO);
    }
    try (LiveScheduler clock = LiveScheduler.create("tradekit-mm");
        Exchange exchange = venue.exchange(cfg, clock, System.getenv())) {
      MarketMaker mm =
          MarketMaker.builder()
              .name("tk")
              .exchange(exchange)
              .symbol(symbol)
              .strategy(strategy)
              .parameters(params)
              .riskLimits(
                  RiskLimits.builder().maxPosition(cfg.decimal("maxPosition", "0.01")).build())
              .leverage(cfg.integer("leverage", 3))
              .scheduler(clock)
              .build();
      out.printf(
          "market maker on %s %s (%s) — Ctrl-C stops it and cancels its orders%n",
          exchange.venue(), symbol, venue.environment());
      out.flush();
      mm.start().get(30, TimeUnit.SECONDS);
      Thread hook = new Thread(() -> mm.stop().join(), "tradekit-mm-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      long end = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
      while (System.nanoTime() < end) {
        Thread.sleep(Math.min(5000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
        MarketMakerStatus s = mm.status();
        out.printf(
            "%s mid %s pos %s PnL %s orders %d fills %d%n",
            s.state(), s.mid(), s.position(), s.totalPnl(), s.openOrders().size(), s.fills());
        out.flush();
        if (!s.active()) {
          throw new UserError(
              "the market maker stopped: " + s.lastError() + "; fix the cause and start again",
              UserError.VENUE,
              null);
        }
      }
      mm.stop().get(30, TimeUnit.SECONDS);
      Runtime.getRuntime().removeShutdownHook(hook);
      return 0;
    }
  }

  static Strategy strategy(String name) {
    switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "fixed-spread":
        return Strategies.fixedSpread();
      case "inventory-skew":
        return Strategies.inventorySkew(Strategies.fixedSpread(), 0.0, 2.0);
      default:
        throw new UserError(
            "unknown strategy '"
                + name
                + "' in the config file: use fixed-spread or inventory-skew");
    }
  }
}
