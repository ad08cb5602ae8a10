package dev.tradekit.notify;

/** Defaults per event kind. */
final class NotifyEvents {
  private NotifyEvents() {}

  static Severity defaultSeverity(EventKind kind) {
    return switch (kind) {
      case BOT_CREATED,
          BOT_STARTED,
          BOT_STOPPED,
          ORDER_PLACED,
          ORDER_FILLED,
          ORDER_CANCELLED,
          CIRCUIT_CLOSED,
          TARGET_PNL_REACHED,
          TARGET_PRICE_REACHED,
          SCANNER_WALL_PROMOTED,
          BACKTEST_FINISHED,
          TEST ->
          Severity.INFO;
      case ORDER_REJECTED, FOLLOWER_PAUSED, CIRCUIT_OPENED -> Severity.WARNING;
      case BOT_ERROR, EXCHANGE_ERROR, COPY_FAILED -> Severity.ERROR;
    };
  }
}
