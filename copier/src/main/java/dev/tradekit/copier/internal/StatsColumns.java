package dev.tradekit.copier.internal;

import dev.tradekit.copier.CopyStatus;

/**
 * Which {@link dev.tradekit.copier.SymbolStats} counter a copy status adds to (index 0 is the
 * leader fill count).
 *
 * <pre>{@code
 * counts[StatsColumns.column(record.status())]++;
 * }</pre>
 */
final class StatsColumns {
  private StatsColumns() {}

  static int column(CopyStatus status) {
    return switch (status) {
      case COPIED -> 1;
      case SKIPPED -> 2;
      case FAILED -> 3;
      case MERGED -> 4;
      case PENDING, INTENDED -> 5;
    };
  }
}
