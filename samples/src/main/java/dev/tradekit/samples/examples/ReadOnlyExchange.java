package dev.tradekit.samples.examples;

import dev.tradekit.api.Account;
import dev.tradekit.api.Capabilities;
import dev.tradekit.api.DeadManSwitch;
import dev.tradekit.api.Exchange;
import dev.tradekit.api.MarketData;
import dev.tradekit.api.OrderAmendment;
import dev.tradekit.api.Streams;
import dev.tradekit.api.Trading;
import java.util.Optional;

/** An exchange whose trading facet refuses changes; everything else is the wrapped exchange's. */
final class ReadOnlyExchange implements Exchange {
  private final Exchange inner;
  private final Trading trading;

  ReadOnlyExchange(Exchange inner) {
    this.inner = inner;
    this.trading = new ReadOnlyTrading(inner.trading(), inner.venue());
  }

  @Override
  public String venue() {
    return ReadOnlyExchangeProvider.ID;
  }

  @Override
  public MarketData marketData() {
    return inner.marketData();
  }

  @Override
  public Trading trading() {
    return trading;
  }

  @Override
  public Account account() {
    return inner.account();
  }

  @Override
  public Streams streams() {
    return inner.streams();
  }

  @Override
  public Capabilities capabilities() {
    return inner.capabilities();
  }

  /** None: amending is a change. */
  @Override
  public Optional<OrderAmendment> amendment() {
    return Optional.empty();
  }

  /** None: arming a dead man's switch cancels orders. */
  @Override
  public Optional<DeadManSwitch> deadManSwitch() {
    return Optional.empty();
  }

  @Override
  public void close() {
    inner.close();
  }
}
