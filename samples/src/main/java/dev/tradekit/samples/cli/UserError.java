package dev.tradekit.samples.cli;

/**
 * A mistake the user can fix: the command line prints its message as one line, without a stack
 * trace, and exits with {@link #exitCode()}.
 *
 * <pre>{@code
 * throw new UserError("BINANCE_API_KEY is not set: export it or add it to .env");
 * }</pre>
 */
public final class UserError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Exit code of a usage or configuration mistake. */
  public static final int CONFIG = 2;

  /** Exit code when the venue cannot be reached or refuses the request. */
  public static final int VENUE = 3;

  private final int exitCode;

  /** A configuration mistake (exit code {@link #CONFIG}). */
  public UserError(String message) {
    this(message, CONFIG, null);
  }

  /** A mistake with its own exit code and cause (shown only with {@code --verbose}). */
  public UserError(
      String message, int exitCode, @org.jspecify.annotations.Nullable Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** The process exit code for this mistake. */
  public int exitCode() {
    return exitCode;
  }
}
