package dev.tradekit.api.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Which candlesticks of one symbol and interval to fetch.
 *
 * <pre>{@code
 * KlineQuery q = KlineQuery.builder().symbol("BTCUSDT").interval(KlineInterval.H1)
 *     .startTime(t0).limit(1500).build();
 * }</pre>
 *
 * @param startTime epoch millis, inclusive, or {@code null} for the most recent bars
 * @param endTime epoch millis, inclusive
 * @param limit 1 to {@value #MAX_LIMIT}
 */
public record KlineQuery(
    String symbol,
    KlineInterval interval,
    @Nullable Long startTime,
    @Nullable Long endTime,
    int limit) {

  /** The default number of bars. */
  public static final int DEFAULT_LIMIT = 500;

  /** The most bars one request returns. */
  public static final int MAX_LIMIT = 1500;

  /** Checks the symbol, interval, times and limit. */
  public KlineQuery {
    Checks.nonBlank(symbol, "symbol");
    Objects.requireNonNull(interval, "interval");
    if (startTime != null) {
      Checks.nonNegative(startTime, "startTime");
    }
    if (endTime != null) {
      Checks.nonNegative(endTime, "endTime");
    }
    if (startTime != null && endTime != null && endTime < startTime) {
      throw new IllegalArgumentException(
          "endTime " + endTime + " must not be before startTime " + startTime);
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + MAX_LIMIT + " but was " + limit);
    }
  }

  /** The most recent {@value #DEFAULT_LIMIT} bars. */
  public static KlineQuery of(String symbol, KlineInterval interval) {
    return new KlineQuery(symbol, interval, null, null, DEFAULT_LIMIT);
  }

  /** A builder; see {@link Builder} for the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder for {@link KlineQuery}: symbol and interval required; limit 500; times unset. */
  public static final class Builder {
    private @Nullable String symbol;
    private @Nullable KlineInterval interval;
    private @Nullable Long startTime;
    private @Nullable Long endTime;
    private int limit = DEFAULT_LIMIT;

    private Builder() {}

    public Builder symbol(String v) {
      symbol = v;
      return this;
    }

    public Builder interval(KlineInterval v) {
      interval = v;
      return this;
    }

    public Builder startTime(@Nullable Long v) {
      startTime = v;
      return this;
    }

    public Builder endTime(@Nullable Long v) {
      endTime = v;
      return this;
    }

    public Builder limit(int v) {
      limit = v;
      return this;
    }

    /**
     * The query.
     *
     * @throws IllegalArgumentException or NullPointerException naming the field that is wrong
     */
    public KlineQuery build() {
      return new KlineQuery(
          Objects.requireNonNull(symbol, "symbol"),
          Objects.requireNonNull(interval, "interval"),
          startTime,
          endTime,
          limit);
    }
  }
}
