package dev.tradekit.execution;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The hard limits the risk manager applies between the strategy and the venue.
 *
 * <pre>{@code
 * RiskLimits limits = RiskLimits.builder()
 *     .maxPosition(new BigDecimal("0.050"))       // |position| cap in base units
 *     .maxOrderNotional(new BigDecimal("5000"))   // per order, in the quote asset
 *     .maxOpenOrders(10)
 *     .maxLoss(new BigDecimal("200"))             // equity below start − 200 → stop
 *     .maxBookAge(Duration.ofSeconds(2))
 *     .priceBand(new BigDecimal("0.05"))          // quotes within 5 % of the mark
 *     .build();
 * }</pre>
 *
 * <p>Soft limits shape the targets: at {@code position >= maxPosition} no buys are placed (and
 * below it, buys are trimmed so that all of them filling stays within the cap), at {@code position
 * <= −maxPosition} no sells; orders above the notional or outside the band are left out; only the
 * {@code maxOpenOrders} orders closest to the mid are kept; on a book older than {@code maxBookAge}
 * or a stream marked stale every quote is cancelled until a fresh book arrives. Hard limits stop
 * the bot and cancel its orders: a loss of {@code maxLoss} from the equity at start, or a drawdown
 * of {@code maxDrawdown} from the highest equity seen.
 *
 * @param maxPosition |position| cap in base units, null for none
 * @param maxOrderNotional cap of {@code price × quantity} per order, null for none
 * @param maxOpenOrders cap of resting orders, 0 for none
 * @param maxLoss loss from the starting equity that stops the bot, null for none
 * @param maxDrawdown fall from the peak equity that stops the bot, null for none
 * @param maxBookAge age of the book (or bar) beyond which nothing is quoted or ordered, >= 0
 * @param priceBand max distance of a quote from the mark price as a fraction, null for none
 */
public record RiskLimits(
    @Nullable BigDecimal maxPosition,
    @Nullable BigDecimal maxOrderNotional,
    int maxOpenOrders,
    @Nullable BigDecimal maxLoss,
    @Nullable BigDecimal maxDrawdown,
    Duration maxBookAge,
    @Nullable BigDecimal priceBand) {

  /** Checks that every limit given is positive. */
  public RiskLimits {
    positiveOrNull(maxPosition, "maxPosition");
    positiveOrNull(maxOrderNotional, "maxOrderNotional");
    positiveOrNull(maxLoss, "maxLoss");
    positiveOrNull(maxDrawdown, "maxDrawdown");
    positiveOrNull(priceBand, "priceBand");
    if (maxOpenOrders < 0) {
      throw new IllegalArgumentException("maxOpenOrders must be >= 0, was " + maxOpenOrders);
    }
    Objects.requireNonNull(maxBookAge, "maxBookAge");
    if (maxBookAge.isNegative()) {
      throw new IllegalArgumentException(
          "maxBookAge must be >= 0 (0: only data as new as now is fresh), was " + maxBookAge);
    }
  }

  /** A builder with no limits but a 5 s book age. */
  public static Builder builder() {
    return new Builder();
  }

  private static void positiveOrNull(@Nullable BigDecimal v, String name) {
    if (v != null && v.signum() <= 0) {
      throw new IllegalArgumentException(name + " must be > 0 (or unset), was " + v);
    }
  }

  /**
   * A builder of {@link RiskLimits}; every limit is off by default except {@code maxBookAge} (5 s).
   */
  public static final class Builder {
    private @Nullable BigDecimal maxPosition;
    private @Nullable BigDecimal maxOrderNotional;
    private int maxOpenOrders;
    private @Nullable BigDecimal maxLoss;
    private @Nullable BigDecimal maxDrawdown;
    private Duration maxBookAge = Duration.ofSeconds(5);
    private @Nullable BigDecimal priceBand;

    private Builder() {}

    /** |position| cap in base units. */
    public Builder maxPosition(BigDecimal v) {
      maxPosition = Objects.requireNonNull(v, "maxPosition");
      return this;
    }

    /** Cap of {@code price × quantity} per order, in the quote asset. */
    public Builder maxOrderNotional(BigDecimal v) {
      maxOrderNotional = Objects.requireNonNull(v, "maxOrderNotional");
      return this;
    }

    /** Cap of resting orders (0 = none). */
    public Builder maxOpenOrders(int v) {
      maxOpenOrders = v;
      return this;
    }

    /** Loss from the starting equity that stops the bot. */
    public Builder maxLoss(BigDecimal v) {
      maxLoss = Objects.requireNonNull(v, "maxLoss");
      return this;
    }

    /** Fall from the peak equity that stops the bot. */
    public Builder maxDrawdown(BigDecimal v) {
      maxDrawdown = Objects.requireNonNull(v, "maxDrawdown");
      return this;
    }

    /** Age of the book beyond which nothing is quoted (default 5 s). */
    public Builder maxBookAge(Duration v) {
      maxBookAge = Objects.requireNonNull(v, "maxBookAge");
      return this;
    }

    /** Max distance of a quote from the mark price, as a fraction. */
    public Builder priceBand(BigDecimal v) {
      priceBand = Objects.requireNonNull(v, "priceBand");
      return this;
    }

    /** Builds and validates the limits. */
    public RiskLimits build() {
      return new RiskLimits(
          maxPosition,
          maxOrderNotional,
          maxOpenOrders,
          maxLoss,
          maxDrawdown,
          maxBookAge,
          priceBand);
    }
  }
}
