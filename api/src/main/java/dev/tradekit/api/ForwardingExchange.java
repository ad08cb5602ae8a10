package dev.tradekit.api;

import java.util.Objects;
import java.util.Optional;

/**
 * An {@link Exchange} that forwards every call to another one; subclass it and override only the
 * calls a decorator changes (a read-only exchange, a fault injector, a request counter).
 *
 * <pre>{@code
 * Exchange readOnly = new ForwardingExchange(ex) {
 *   @Override public Trading trading() { return refusingTrading; }
 * };
 * }</pre>
 *
 * <p>{@link #close()} closes the delegate. The facets are the delegate's own unless overridden; see
 * {@link ForwardingTrading} and {@link ForwardingStreams} to change part of one.
 */
public class ForwardingExchange implements Exchange {
  /** The exchange every call goes to unless overridden. */
  protected final Exchange delegate;

  /** Forwards to {@code delegate}. */
  public ForwardingExchange(Exchange delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  @Override
  public String venue() {
    return delegate.venue();
  }

  @Override
  public MarketData marketData() {
    return delegate.marketData();
  }

  @Override
  public Trading trading() {
    return delegate.trading();
  }

  @Override
  public Account account() {
    return delegate.account();
  }

  @Override
  public Streams streams() {
    return delegate.streams();
  }

  @Override
  public Capabilities capabilities() {
    return delegate.capabilities();
  }

  @Override
  public Optional<OrderAmendment> amendment() {
    return delegate.amendment();
  }

  @Override
  public Optional<DeadManSwitch> deadManSwitch() {
    return delegate.deadManSwitch();
  }

  @Override
  public Optional<MarginModes> marginModes() {
    return delegate.marginModes();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
