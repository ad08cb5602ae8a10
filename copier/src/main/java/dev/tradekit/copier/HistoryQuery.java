package dev.tradekit.copier;

import dev.tradekit.api.model.Side;
import org.jspecify.annotations.Nullable;

/**
 * A filter and page over the journal's copies, newest first.
 *
 * <pre>{@code
 * HistoryQuery q = HistoryQuery.builder().follower("alice").symbol("BTCUSDT")
 *     .status(CopyStatus.FAILED).offset(0).limit(50).build();
 * List<CopyRecord> page = copier.journal().history(q);
 * }</pre>
 *
 * @param fromTime leader fill time, epoch millis, inclusive; {@code null} for no bound
 * @param toTime leader fill time, epoch millis, exclusive; {@code null} for no bound
 * @param offset rows to skip (>= 0)
 * @param limit rows to return, 1 to {@value #MAX_LIMIT}
 */
public record HistoryQuery(
    @Nullable String follower,
    @Nullable String symbol,
    @Nullable Side side,
    @Nullable CopyStatus status,
    @Nullable Long fromTime,
    @Nullable Long toTime,
    int offset,
    int limit) {

  /** The largest page. */
  public static final int MAX_LIMIT = 10_000;

  /** Every copy, first page of 100. */
  public static final HistoryQuery ALL = builder().build();

  /** Checks offset, limit and the time range. */
  public HistoryQuery {
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be >= 0 but was " + offset);
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + MAX_LIMIT + " but was " + limit);
    }
    if (fromTime != null && toTime != null && toTime < fromTime) {
      throw new IllegalArgumentException(
          "toTime " + toTime + " must not be before fromTime " + fromTime);
    }
  }

  /** A builder; see {@link Builder} for the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The next page of the same filter. */
  public HistoryQuery nextPage() {
    return new HistoryQuery(
        follower, symbol, side, status, fromTime, toTime, offset + limit, limit);
  }

  /** True when {@code r} passes the filters (paging aside). */
  public boolean matches(CopyRecord r) {
    return (follower == null || follower.equals(r.follower()))
        && (symbol == null || symbol.equals(r.symbol()))
        && (side == null || side == r.side())
        && (status == null || status == r.status())
        && (fromTime == null || r.leaderTime() >= fromTime)
        && (toTime == null || r.leaderTime() < toTime);
  }

  /** A builder for {@link HistoryQuery}: no filters, offset 0, limit 100. */
  public static final class Builder {
    private @Nullable String follower;
    private @Nullable String symbol;
    private @Nullable Side side;
    private @Nullable CopyStatus status;
    private @Nullable Long fromTime;
    private @Nullable Long toTime;
    private int offset;
    private int limit = 100;

    private Builder() {}

    public Builder follower(@Nullable String v) {
      follower = v;
      return this;
    }

    public Builder symbol(@Nullable String v) {
      symbol = v;
      return this;
    }

    public Builder side(@Nullable Side v) {
      side = v;
      return this;
    }

    public Builder status(@Nullable CopyStatus v) {
      status = v;
      return this;
    }

    public Builder fromTime(@Nullable Long v) {
      fromTime = v;
      return this;
    }

    public Builder toTime(@Nullable Long v) {
      toTime = v;
      return this;
    }

    public Builder offset(int v) {
      offset = v;
      return this;
    }

    public Builder limit(int v) {
      limit = v;
      return this;
    }

    /** The query; throws {@link IllegalArgumentException} naming a wrong argument. */
    public HistoryQuery build() {
      return new HistoryQuery(follower, symbol, side, status, fromTime, toTime, offset, limit);
    }
  }
}
