package dev.tradekit.binance;

import dev.tradekit.api.Account;
import dev.tradekit.api.model.AccountSnapshot;
import dev.tradekit.api.model.Income;
import dev.tradekit.api.model.Position;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/** {@link Account} over {@code /fapi/v2/account}, position mode, position risk and income. */
final class BinanceAccount implements Account {
  static final int INCOME_PAGE = 1000;

  private final BinanceRest rest;
  private final LongSupplier serverNow;

  /**
   * @param serverNow the venue's current time, stamped on snapshots
   */
  BinanceAccount(BinanceRest rest, LongSupplier serverNow) {
    this.rest = rest;
    this.serverNow = serverNow;
  }

  @Override
  public CompletableFuture<AccountSnapshot> snapshot() {
    return rest.accountV2()
        .thenCombine(
            rest.positionMode(),
            (a, mode) -> AccountMapper.snapshot(a, mode.dualSidePosition, serverNow.getAsLong()));
  }

  @Override
  public CompletableFuture<List<Position>> positions() {
    return rest.positionRisk(null).thenApply(AccountMapper::openPositions);
  }

  /**
   * Pages through the window {@value #INCOME_PAGE} entries at a time, each page starting at the
   * time of the last entry of the one before; entries seen twice (same transaction id and type) are
   * kept once.
   */
  @Override
  public CompletableFuture<List<Income>> income(
      @Nullable String symbol, long startTime, long endTime) {
    if (startTime < 0 || endTime < startTime) {
      throw new IllegalArgumentException(
          "need 0 <= startTime <= endTime, got startTime " + startTime + " and endTime " + endTime);
    }
    return Futures.<IncomeDto>pages(
            last -> rest.income(symbol, last == null ? startTime : last.time, endTime, INCOME_PAGE),
            INCOME_PAGE)
        .thenApply(
            dtos -> {
              Map<String, Income> unique = new LinkedHashMap<>();
              for (IncomeDto d : dtos) {
                unique.putIfAbsent(
                    d.incomeType + '|' + Long.toUnsignedString(d.tranId) + '|' + d.symbol,
                    AccountMapper.income(d));
              }
              return List.copyOf(unique.values());
            });
  }
}
