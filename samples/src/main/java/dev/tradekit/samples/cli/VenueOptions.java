package dev.tradekit.samples.cli;

import dev.tradekit.api.Credentials;
import dev.tradekit.api.Environment;
import dev.tradekit.api.Exchange;
import dev.tradekit.api.Exchanges;
import dev.tradekit.api.runtime.Scheduler;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** Options shared by the commands that talk to a real venue: config file, keys, environment. */
final class VenueOptions {
  @Option(
      names = {"-c", "--config"},
      required = true,
      description = "YAML config file (venue, symbol, bot settings).")
  @Nullable Path config;

  @Option(
      names = "--env-file",
      defaultValue = ".env",
      description = "File with BINANCE_API_KEY and BINANCE_API_SECRET. Default: ${DEFAULT-VALUE}.")
  Path envFile = Path.of(".env");

  @ArgGroup(exclusive = true)
  @Nullable Network network;

  /** --testnet (the default) or --mainnet, never both. */
  static final class Network {
    @Option(names = "--testnet", description = "Use the venue's testnet (the default).")
    boolean testnet;

    @Option(names = "--mainnet", description = "Trade with real money on the mainnet.")
    boolean mainnet;
  }

  VenueConfig load() {
    Path file = config;
    if (file == null) {
      throw new UserError("--config is missing: pass --config <file.yaml>");
    }
    return VenueConfig.load(file);
  }

  Environment environment() {
    Network n = network;
    return n != null && n.mainnet ? Environment.MAINNET : Environment.TESTNET;
  }

  /** Builds the exchange the config names; keys are required except on the {@code sim} venue. */
  Exchange exchange(VenueConfig cfg, Scheduler scheduler, Map<String, String> environment) {
    @Nullable Credentials keys =
        cfg.venue().equals("sim") ? null : Secrets.credentials(environment, envFile, cfg.venue());
    return exchange(
        cfg.venue(), cfg.optional("restBaseUrl"), cfg.optional("wsBaseUrl"), scheduler, keys);
  }

  /** Builds an exchange of {@code venue} in the chosen environment, with these keys if any. */
  Exchange exchange(
      String venue,
      @Nullable String restBaseUrl,
      @Nullable String wsBaseUrl,
      Scheduler scheduler,
      @Nullable Credentials keys) {
    Exchanges.Builder b = Exchanges.builder(venue).environment(environment()).scheduler(scheduler);
    if (keys != null) {
      b.credentials(keys);
    }
    if (restBaseUrl != null) {
      b.restBaseUrl(restBaseUrl);
    }
    if (wsBaseUrl != null) {
      b.wsBaseUrl(wsBaseUrl);
    }
    return b.build();
  }

  /** The config file path, required by picocli. */
  Path configFile() {
    Path file = config;
    if (file == null) {
      throw new UserError("--config is missing: pass --config <file.yaml>");
    }
    return file;
  }
}
