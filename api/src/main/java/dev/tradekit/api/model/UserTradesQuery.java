package dev.tradekit.api.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Which of the account's trades (fills) of one symbol to fetch: from a trade id, or in a time
 * window of at most 7 days, or the most recent ones.
 *
 * <pre>{@code
 * UserTradesQuery q = UserTradesQuery.builder().symbol("BTCUSDT")
 *     .startTime(t0).endTime(t0 + Duration.ofDays(1).toMillis()).limit(1000).build();
 * }</pre>
 *
 * @param fromId the first trade id to return; not together with a time range
 * @param startTime epoch millis, inclusive
 * @param endTime epoch millis, inclusive
 * @param limit 1 to {@value #MAX_LIMIT}
 */
public record UserTradesQuery(
    String symbol,
    @Nullable Long fromId,
    @Nullable Long startTime,
    @Nullable Long endTime,
    int limit) {

  /** The default page size. */
  public static final int DEFAULT_LIMIT = 500;

  /** The largest page the venue returns. */
  public static final int MAX_LIMIT = 1000;

  /** The longest time window the venue accepts: 7 days. */
  public static final long MAX_WINDOW_MILLIS = 7L * 24 * 60 * 60 * 1000;

  /** Checks the limit, that fromId is not combined with times, and the window. */
  public UserTradesQuery {
    Checks.nonBlank(symbol, "symbol");
    if (fromId != null) {
      Checks.nonNegative(fromId, "fromId");
      if (startTime != null || endTime != null) {
        throw new IllegalArgumentException(
            "fromId cannot be combined with startTime/endTime (the venue rejects it);"
                + " page by fromId or by time, not both");
      }
    }
    if (startTime != null) {
      Checks.nonNegative(startTime, "startTime");
    }
    if (endTime != null) {
      Checks.nonNegative(endTime, "endTime");
    }
    if (startTime != null && endTime != null) {
      if (endTime < startTime) {
        throw new IllegalArgumentException(
            "endTime " + endTime + " must not be before startTime " + startTime);
      }
      if (endTime - startTime > MAX_WINDOW_MILLIS) {
        throw new IllegalArgumentException(
            "the time window endTime - startTime = "
                + (endTime - startTime)
                + " ms exceeds the venue's 7 days ("
                + MAX_WINDOW_MILLIS
                + " ms); split the range");
      }
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + MAX_LIMIT + " but was " + limit);
    }
  }

  /** A builder; see {@link Builder} for the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder for {@link UserTradesQuery}: symbol required; limit 500; ids and times unset. */
  public static final class Builder {
    private @Nullable String symbol;
    private @Nullable Long fromId;
    private @Nullable Long startTime;
    private @Nullable Long endTime;
    private int limit = DEFAULT_LIMIT;

    private Builder() {}

    public Builder symbol(String v) {
      symbol = v;
      return this;
    }

    public Builder fromId(@Nullable Long v) {
      fromId = v;
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
    public UserTradesQuery build() {
      return new UserTradesQuery(
          Objects.requireNonNull(symbol, "symbol"), fromId, startTime, endTime, limit);
    }
  }
}
