package dev.tradekit.execution;

import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.OrderType;
import dev.tradekit.api.model.Side;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Applies {@link RiskLimits} to an engine's targets and watches the kill-switch limits: position
 * cap, notional per order, open-order count, price band, loss and drawdown, stale data.
 *
 * <pre>{@code
 * RiskManager risk = new RiskManager(RiskLimits.builder().maxPosition(new BigDecimal("0.05")).build());
 * List<TargetOrder> ok = risk.filter(targets, instrument, bid, ask, mark, position).accepted();
 * String stop = risk.killReason(equity); // null while within the loss limits
 * }</pre>
 *
 * <p>Not thread-safe: an engine calls it on its scheduler thread.
 */
public final class RiskManager {
  /** The targets that may go to the venue and why the others were left out. */
  public record Outcome(List<TargetOrder> accepted, List<String> rejected) {}

  private static final Comparator<TargetOrder> HIGHEST_FIRST =
      Comparator.comparing(TargetOrder::limitPrice).reversed();
  private static final Comparator<TargetOrder> LOWEST_FIRST =
      Comparator.comparing(TargetOrder::limitPrice);

  private volatile RiskLimits limits;

  /** {@code limits.maxBookAge()} in milliseconds, read on every bar by {@link #stale}. */
  private volatile long maxBookAgeMillis;

  private @Nullable BigDecimal startEquity;
  private @Nullable BigDecimal peakEquity;

  /** A manager of {@code limits}; equity accounting starts at the first {@link #killReason}. */
  public RiskManager(RiskLimits limits) {
    this.limits = limits;
    this.maxBookAgeMillis = limits.maxBookAge().toMillis();
  }

  /** The limits in force. */
  public RiskLimits limits() {
    return limits;
  }

  /** Replaces the limits (the equity baseline stays). */
  public void setLimits(RiskLimits limits) {
    this.maxBookAgeMillis = limits.maxBookAge().toMillis();
    this.limits = limits;
  }

  /** Forgets the starting and peak equity: the next {@link #killReason} call starts them. */
  public void clearEquity() {
    startEquity = null;
    peakEquity = null;
  }

  /** Starts the loss and drawdown accounting from {@code equity}. */
  public void resetEquity(BigDecimal equity) {
    startEquity = equity;
    peakEquity = equity;
  }

  /** The reason to stop the bot, or null; tracks the peak equity. */
  public @Nullable String killReason(BigDecimal equity) {
    BigDecimal start = startEquity;
    BigDecimal peak = peakEquity;
    if (start == null || peak == null) {
      resetEquity(equity);
      return null;
    }
    if (equity.compareTo(peak) > 0) {
      peakEquity = equity;
      peak = equity;
    }
    BigDecimal maxLoss = limits.maxLoss();
    if (maxLoss != null && start.subtract(equity).compareTo(maxLoss) >= 0) {
      return "max loss "
          + maxLoss.toPlainString()
          + " reached: equity "
          + equity.toPlainString()
          + " from "
          + start.toPlainString();
    }
    BigDecimal maxDrawdown = limits.maxDrawdown();
    if (maxDrawdown != null && peak.subtract(equity).compareTo(maxDrawdown) >= 0) {
      return "max drawdown "
          + maxDrawdown.toPlainString()
          + " reached: equity "
          + equity.toPlainString()
          + " from peak "
          + peak.toPlainString();
    }
    return null;
  }

  /** Whether a book last updated at {@code bookTime} is too old at {@code now}. */
  public boolean stale(long bookTime, long now) {
    return now - bookTime > maxBookAgeMillis;
  }

  /**
   * The targets that pass every soft limit, trimmed where a limit allows part of one.
   *
   * @param bestBid the best bid (limit buys at or above the ask are moved one tick below it)
   * @param bestAsk the best ask, above {@code bestBid}
   * @param mark the mark price for the price band, null when unknown
   * @param position the signed position in base units
   */
  public Outcome filter(
      List<TargetOrder> targets,
      Instrument instrument,
      BigDecimal bestBid,
      BigDecimal bestAsk,
      @Nullable BigDecimal mark,
      BigDecimal position) {
    RiskLimits l = limits;
    BigDecimal mid = mid(bestBid, bestAsk);
    List<String> rejected = new ArrayList<>();
    BigDecimal max = l.maxPosition();
    List<TargetOrder> out;
    if (onlyMarkets(targets)) {
      // no limit order to uncross, band or cap per side: the markets in their order (an engine's
      // one order toward its wish), with no lists per side
      out = new ArrayList<>(targets.size());
      capMarkets(out, targets, max, position, rejected);
    } else {
      out = capped(l, targets, instrument, bestBid, bestAsk, mark, position, rejected);
    }
    List<TargetOrder> valid = new ArrayList<>(out.size());
    for (int i = 0, n = out.size(); i < n; i++) {
      TargetOrder t = out.get(i);
      BigDecimal notional = t.quantity().multiply(t.isLimit() ? t.limitPrice() : mid);
      BigDecimal maxNotional = l.maxOrderNotional();
      if (maxNotional != null && notional.compareTo(maxNotional) > 0) {
        rejected.add("notional " + notional.toPlainString() + " above " + maxNotional + ": " + t);
        continue;
      }
      List<String> violations = instrument.violations(request(instrument, t), mark);
      if (!violations.isEmpty()) {
        rejected.add("breaks " + String.join("; ", violations) + ": " + t);
        continue;
      }
      valid.add(t);
    }
    return new Outcome(limitCount(valid, l.maxOpenOrders(), mid, rejected), rejected);
  }

  private static boolean onlyMarkets(List<TargetOrder> targets) {
    for (int i = 0, n = targets.size(); i < n; i++) {
      if (targets.get(i).isLimit()) {
        return false;
      }
    }
    return true;
  }

  /**
   * The limit targets uncrossed, banded and capped per side (buys highest first, then sells lowest
   * first), then the market targets within the position cap.
   */
  private static List<TargetOrder> capped(
      RiskLimits l,
      List<TargetOrder> targets,
      Instrument instrument,
      BigDecimal bestBid,
      BigDecimal bestAsk,
      @Nullable BigDecimal mark,
      BigDecimal position,
      List<String> rejected) {
    BigDecimal tick = instrument.tickSize();
    List<TargetOrder> buys = new ArrayList<>();
    List<TargetOrder> sells = new ArrayList<>();
    List<TargetOrder> markets = new ArrayList<>();
    for (TargetOrder t : targets) {
      if (!t.isLimit()) {
        markets.add(t);
        continue;
      }
      BigDecimal price = t.limitPrice();
      if (t.side() == Side.BUY && price.compareTo(bestAsk) >= 0) {
        price = bestAsk.subtract(tick);
      } else if (t.side() == Side.SELL && price.compareTo(bestBid) <= 0) {
        price = bestBid.add(tick);
      }
      if (price.signum() <= 0) {
        rejected.add("non-positive price after uncrossing: " + t);
        continue;
      }
      TargetOrder o = price.compareTo(t.limitPrice()) == 0 ? t : t.withPrice(price);
      BigDecimal band = l.priceBand();
      if (band != null
          && mark != null
          && price.subtract(mark).abs().compareTo(mark.multiply(band)) > 0) {
        rejected.add("outside the price band of " + band + " around mark " + mark + ": " + o);
        continue;
      }
      (o.side() == Side.BUY ? buys : sells).add(o);
    }
    if (buys.size() > 1) {
      buys.sort(HIGHEST_FIRST);
    }
    if (sells.size() > 1) {
      sells.sort(LOWEST_FIRST);
    }
    List<TargetOrder> out = new ArrayList<>();
    BigDecimal max = l.maxPosition();
    capSide(out, buys, max == null ? null : max.subtract(position), instrument, rejected);
    capSide(out, sells, max == null ? null : max.add(position), instrument, rejected);
    capMarkets(out, markets, max, position, rejected);
    return out;
  }

  /** Adds the market targets that keep |position| within {@code max} (or reduce it) to out. */
  private static void capMarkets(
      List<TargetOrder> out,
      List<TargetOrder> markets,
      @Nullable BigDecimal max,
      BigDecimal position,
      List<String> rejected) {
    for (int i = 0, n = markets.size(); i < n; i++) {
      TargetOrder m = markets.get(i);
      if (m.reduceOnly() || max == null) {
        out.add(m); // (the cap below could not refuse it)
        continue;
      }
      BigDecimal after = position.add(m.side() == Side.BUY ? m.quantity() : m.quantity().negate());
      if (after.abs().compareTo(max) > 0 && after.abs().compareTo(position.abs()) > 0) {
        rejected.add("market order would take |position| to " + after.abs() + " > " + max);
      } else {
        out.add(m);
      }
    }
  }

  /**
   * {@code (bid + ask) / 2} to 16 digits. One price given for both sides (an engine without a book
   * passes its last close) is its own mid: with at most 16 digits the division would return it
   * unchanged (the same value and scale), so it is not done.
   */
  private static BigDecimal mid(BigDecimal bestBid, BigDecimal bestAsk) {
    if (bestBid.equals(bestAsk) && bestBid.precision() <= MathContext.DECIMAL64.getPrecision()) {
      return bestBid;
    }
    return bestBid.add(bestAsk).divide(BigDecimal.valueOf(2), MathContext.DECIMAL64);
  }

  private static void capSide(
      List<TargetOrder> out,
      List<TargetOrder> side,
      @Nullable BigDecimal allowance,
      Instrument instrument,
      List<String> rejected) {
    BigDecimal left = allowance;
    for (TargetOrder t : side) {
      if (t.reduceOnly() || left == null) {
        out.add(t);
        continue;
      }
      if (left.signum() <= 0) {
        rejected.add("inventory cap blocks " + t.side() + " " + t.quantity() + "@" + t.price());
        continue;
      }
      if (t.quantity().compareTo(left) <= 0) {
        out.add(t);
        left = left.subtract(t.quantity());
        continue;
      }
      BigDecimal trimmed = instrument.roundQuantity(left, OrderType.LIMIT);
      if (trimmed.signum() > 0 && trimmed.compareTo(instrument.minQty()) >= 0) {
        out.add(t.withQuantity(trimmed));
        rejected.add("inventory cap trims " + t.side() + " to " + trimmed.toPlainString());
      } else {
        rejected.add("inventory cap blocks " + t.side() + " " + t.quantity() + "@" + t.price());
      }
      left = BigDecimal.ZERO;
    }
  }

  private static List<TargetOrder> limitCount(
      List<TargetOrder> targets, int maxOpen, BigDecimal mid, List<String> rejected) {
    int limits = 0;
    for (int i = 0, n = targets.size(); i < n; i++) {
      limits += targets.get(i).isLimit() ? 1 : 0;
    }
    if (maxOpen <= 0 || limits <= maxOpen) {
      return targets;
    }
    List<TargetOrder> byDistance = new ArrayList<>();
    for (TargetOrder t : targets) {
      if (t.isLimit()) {
        byDistance.add(t);
      }
    }
    byDistance.sort(Comparator.comparing(t -> t.limitPrice().subtract(mid).abs()));
    List<TargetOrder> keep = byDistance.subList(0, maxOpen);
    List<TargetOrder> out = new ArrayList<>();
    for (TargetOrder t : targets) {
      if (!t.isLimit() || keep.contains(t)) {
        out.add(t);
      } else {
        rejected.add("max open orders " + maxOpen + " leaves out " + t);
      }
    }
    return out;
  }

  /** The venue request of a target (no client id), for the instrument's checks. */
  public static OrderRequest request(Instrument instrument, TargetOrder t) {
    return builder(instrument, t).build();
  }

  /** The venue request of a target under {@code clientOrderId}. */
  public static OrderRequest request(Instrument instrument, TargetOrder t, String clientOrderId) {
    return builder(instrument, t).clientOrderId(clientOrderId).build();
  }

  private static OrderRequest.Builder builder(Instrument instrument, TargetOrder t) {
    return OrderRequest.builder()
        .symbol(instrument.symbol())
        .side(t.side())
        .type(t.type())
        .quantity(t.quantity())
        .price(t.price())
        .reduceOnly(t.reduceOnly());
  }
}
