package dev.tradekit.marketmaker;

import dev.tradekit.api.model.Instrument;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The market as a strategy sees it at one quoting cycle: the instrument, the best bid and ask of
 * the local book, the mark price when known, and when the book last changed.
 *
 * <pre>{@code
 * BigDecimal mid = state.mid();                 // (bestBid + bestAsk) / 2
 * BigDecimal spread = state.bestAsk().subtract(state.bestBid());
 * }</pre>
 *
 * @param markPrice the venue's mark price, {@code null} until one has been fetched
 * @param bookTime epoch milliseconds of the book's last update
 */
public record MarketState(
    Instrument instrument,
    BigDecimal bestBid,
    BigDecimal bestAsk,
    @Nullable BigDecimal markPrice,
    long bookTime) {

  /** Checks that both sides are present and positive and that the book is not crossed. */
  public MarketState {
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(bestBid, "bestBid");
    Objects.requireNonNull(bestAsk, "bestAsk");
    if (bestBid.signum() <= 0 || bestAsk.signum() <= 0) {
      throw new IllegalArgumentException(
          "bestBid and bestAsk must be > 0, were " + bestBid + " / " + bestAsk);
    }
    if (bestBid.compareTo(bestAsk) >= 0) {
      throw new IllegalArgumentException(
          "book is crossed or locked: bestBid " + bestBid + " >= bestAsk " + bestAsk);
    }
  }

  /** The symbol of the instrument. */
  public String symbol() {
    return instrument.symbol();
  }

  /** {@code (bestBid + bestAsk) / 2}, exact. */
  public BigDecimal mid() {
    return bestBid.add(bestAsk).divide(BigDecimal.valueOf(2), MathContext.DECIMAL64);
  }

  /** The mid price as a double, for strategy arithmetic. */
  public double midDouble() {
    return (bestBid.doubleValue() + bestAsk.doubleValue()) / 2.0;
  }
}
