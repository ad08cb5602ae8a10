package dev.tradekit.scanner;

import dev.tradekit.api.book.OrderBookView;
import dev.tradekit.api.model.Side;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * The scanner's mutable record of one large order, owned by the scheduler thread. {@link
 * #toLargeOrder()} gives the immutable view subscribers see.
 */
final class TrackedOrder {

  /** What a book says about a tracked order. */
  enum Sighting {
    /** The level is there with enough of the order's size. */
    ALIVE,
    /** The price lies beyond the levels a partial snapshot shows: nothing can be said. */
    OUT_OF_VIEW,
    /** The level is gone (cancelled, filled, or the order moved to another price). */
    GONE,
    /** The level is there but lost more than the allowed share of the order's size. */
    SHRUNK
  }

  final String id;
  final String symbol;
  final Side side;
  final long priceTicks;
  final BigDecimal price;

  /** {@code price.doubleValue()}, kept so scoring a sighting does not convert it again. */
  final double priceValue;

  final double initialQuantity;
  final long firstSeen;
  double quantity;
  long lastSeen;
  LargeOrder.Stage stage = LargeOrder.Stage.CANDIDATE;

  /** Quantity traded at this price since the last sighting (when trades are followed). */
  double tradedSinceSeen;

  /** Mean size of the top reference levels of its side at the last sighting. */
  double referenceMean;

  /** Mid price at the last sighting, 0 when a side was empty. */
  double mid;

  OrderAnalytics.@Nullable Outcome outcome;

  /** Where the price sits among psychological levels; constant, computed on first use. */
  @Nullable OrderAnalytics roundLevels;

  /** What subscribers last heard: for the change triggers. */
  @Nullable Category publishedCategory;

  double publishedWeight = Double.NaN;
  boolean everDiamond;
  double publishedUsd = Double.NaN;

  /** A new candidate first seen at {@code firstSeen}. */
  TrackedOrder(
      String symbol,
      Side side,
      long priceTicks,
      BigDecimal price,
      double quantity,
      long firstSeen) {
    this.id = OrderIds.of(symbol, side, price, firstSeen);
    this.symbol = symbol;
    this.side = side;
    this.priceTicks = priceTicks;
    this.price = price;
    this.priceValue = price.doubleValue();
    this.initialQuantity = quantity;
    this.firstSeen = firstSeen;
    this.quantity = quantity;
    this.lastSeen = firstSeen;
  }

  /** A tracked order rebuilt from a saved {@link LargeOrder}, keeping its id and times. */
  TrackedOrder(LargeOrder saved, long priceTicks) {
    this.id = saved.id();
    this.symbol = saved.symbol();
    this.side = saved.side();
    this.priceTicks = priceTicks;
    this.price = saved.price();
    this.priceValue = saved.price().doubleValue();
    this.initialQuantity = saved.initialQuantity();
    this.firstSeen = saved.firstSeen();
    this.quantity = saved.quantity();
    this.lastSeen = saved.lastSeen();
    this.stage = saved.stage();
  }

  /**
   * What {@code book} says about this order. The order dies when its level is gone or it kept less
   * than {@code 1 − maxSizeLoss} of its initial size (losing exactly {@code maxSizeLoss} survives).
   * A {@code complete} book (a local book kept from a diff stream) shows every level; a partial
   * snapshot says nothing about prices beyond its worst level.
   */
  Sighting sight(OrderBookView book, boolean complete, double maxSizeLoss) {
    double q = book.quantityAt(side, priceTicks);
    if (q > 0) {
      // A relative 1e-12 slack keeps "lost exactly maxSizeLoss" alive despite binary rounding.
      double keep = initialQuantity * (1.0 - maxSizeLoss) * (1.0 - 1e-12);
      return q < keep ? Sighting.SHRUNK : Sighting.ALIVE;
    }
    if (!complete) {
      int depth = book.depth(side);
      if (depth == 0) {
        return Sighting.OUT_OF_VIEW;
      }
      long worst = book.priceTicks(side, depth - 1);
      boolean beyond = side == Side.BUY ? priceTicks < worst : priceTicks > worst;
      if (beyond) {
        return Sighting.OUT_OF_VIEW;
      }
    }
    return Sighting.GONE;
  }

  /** Records a live sighting at {@code now}. */
  void seen(double q, long now, double mean, double midPrice) {
    quantity = q;
    lastSeen = now;
    referenceMean = mean;
    mid = midPrice;
    tradedSinceSeen = 0;
  }

  /**
   * Marks the order dead. With trades followed, it was {@code FILLED} when trades at its price
   * since the last sighting took at least half its last size, else {@code PULLED}.
   */
  void die(boolean tradesFollowed) {
    stage = LargeOrder.Stage.DEAD;
    if (!tradesFollowed) {
      outcome = OrderAnalytics.Outcome.UNKNOWN;
    } else {
      outcome =
          tradedSinceSeen >= 0.5 * quantity
              ? OrderAnalytics.Outcome.FILLED
              : OrderAnalytics.Outcome.PULLED;
    }
  }

  /** {@code price × quantity}, as {@link LargeOrder#usdValue()} of {@link #toLargeOrder()}. */
  double usdValue() {
    return priceValue * quantity;
  }

  boolean isLive() {
    return stage != LargeOrder.Stage.DEAD;
  }

  LargeOrder toLargeOrder() {
    return new LargeOrder(
        id, symbol, side, price, initialQuantity, quantity, firstSeen, lastSeen, stage);
  }
}
