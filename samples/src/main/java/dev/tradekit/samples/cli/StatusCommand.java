package dev.tradekit.samples.cli;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.Exchanges;
import dev.tradekit.api.model.AccountSnapshot;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.runtime.LiveScheduler;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tradekit status}: checks the config, the keys and that the venue answers. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Checks the config file, the API keys and the venue: symbol rules and balance.")
final class StatusCommand implements Callable<Integer> {
  @Spec @Nullable CommandSpec spec;

  @Mixin VenueOptions venue = new VenueOptions();

  @Override
  public Integer call() throws Exception {
    PrintWriter out = Objects.requireNonNull(spec, "spec").commandLine().getOut();
    VenueConfig cfg = venue.load();
    String symbol = cfg.symbol();
    out.printf("providers   %s%n", String.join(", ", Exchanges.providerIds()));
    try (LiveScheduler clock = LiveScheduler.create("tradekit-status");
        Exchange exchange = venue.exchange(cfg, clock, System.getenv())) {
      out.printf("venue       %s (%s)%n", exchange.venue(), venue.environment());
      Instrument i = exchange.marketData().instrument(symbol).get(20, TimeUnit.SECONDS);
      out.printf(
          "symbol      %s tick %s step %s min notional %s%n",
          i.symbol(), i.tickSize(), i.stepSize(), i.minNotional());
      AccountSnapshot a = exchange.account().snapshot().get(20, TimeUnit.SECONDS);
      out.printf("account     %s%n", a.balances());
      out.flush();
      return 0;
    }
  }
}
