package dev.tradekit.api;

import dev.tradekit.api.error.ExchangeException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of one item of a batch call: a value or the error of that item alone.
 *
 * <pre>{@code
 * for (BatchResult<Order> r : results) {
 *   if (r.isSuccess()) track(r.value()); else log.warn("rejected: {}", r.error().getMessage());
 * }
 * }</pre>
 */
public final class BatchResult<T> {
  private final @Nullable T value;
  private final @Nullable ExchangeException error;

  private BatchResult(@Nullable T value, @Nullable ExchangeException error) {
    this.value = value;
    this.error = error;
  }

  /** A successful item. */
  public static <T> BatchResult<T> success(T value) {
    return new BatchResult<>(Objects.requireNonNull(value, "value"), null);
  }

  /** A failed item. */
  public static <T> BatchResult<T> failure(ExchangeException error) {
    return new BatchResult<>(null, Objects.requireNonNull(error, "error"));
  }

  public boolean isSuccess() {
    return value != null;
  }

  /**
   * The value of a successful item.
   *
   * @throws IllegalStateException when the item failed (the message is the item's error)
   */
  public T value() {
    if (value == null) {
      throw new IllegalStateException(
          "batch item failed: " + Objects.requireNonNull(error).getMessage(), error);
    }
    return value;
  }

  /**
   * The error of a failed item.
   *
   * @throws IllegalStateException when the item succeeded
   */
  public ExchangeException error() {
    if (error == null) {
      throw new IllegalStateException("batch item succeeded: it has no error");
    }
    return error;
  }

  @Override
  public String toString() {
    return value != null ? "BatchResult[" + value + "]" : "BatchResult[error=" + error + "]";
  }
}
