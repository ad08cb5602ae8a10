package dev.tradekit.api;

import java.util.Optional;

/** A provider registered in test resources; remembers the last configuration it was given. */
public final class RecordingProvider implements ExchangeProvider {
  static volatile ExchangeConfig lastConfig;

  @Override
  public String id() {
    return "recording";
  }

  @Override
  public Exchange create(ExchangeConfig config) {
    lastConfig = config;
    return new ConfigOnlyExchange(config);
  }

  /** An exchange that carries its configuration and nothing else. */
  record ConfigOnlyExchange(ExchangeConfig config) implements Exchange {
    @Override
    public String venue() {
      return config.venue();
    }

    @Override
    public MarketData marketData() {
      throw new IllegalStateException("the recording exchange has no market data");
    }

    @Override
    public Trading trading() {
      throw new IllegalStateException("the recording exchange cannot trade");
    }

    @Override
    public Account account() {
      throw new IllegalStateException("the recording exchange has no account");
    }

    @Override
    public Streams streams() {
      throw new IllegalStateException("the recording exchange has no streams");
    }

    @Override
    public Capabilities capabilities() {
      return new Capabilities(1, 1, false, false, false, false, false);
    }

    @Override
    public Optional<OrderAmendment> amendment() {
      return Optional.empty();
    }

    @Override
    public Optional<DeadManSwitch> deadManSwitch() {
      return Optional.empty();
    }

    @Override
    public void close() {}
  }
}
