package dev.tradekit.binance;

import dev.tradekit.api.OrderAmendment;
import dev.tradekit.api.model.AmendRequest;
import dev.tradekit.api.model.Order;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/** {@link OrderAmendment} over {@code PUT /fapi/v1/order} (limit orders; price and quantity). */
final class BinanceAmendment implements OrderAmendment {
  private final BinanceRest rest;
  private final InstrumentCache instruments;

  BinanceAmendment(BinanceRest rest, InstrumentCache instruments) {
    this.rest = rest;
    this.instruments = instruments;
  }

  @Override
  public CompletableFuture<Order> amend(AmendRequest request) {
    Objects.requireNonNull(request, "request");
    return instruments
        .get(request.symbol())
        .thenCompose(i -> rest.amendOrder(OrderParams.amend(request, i)))
        .thenApply(OrderMapper::order);
  }
}
