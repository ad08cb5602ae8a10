package dev.tradekit.bybit;

import dev.tradekit.api.Account;
import dev.tradekit.api.model.AccountSnapshot;
import dev.tradekit.api.model.Balance;
import dev.tradekit.api.model.Income;
import dev.tradekit.api.model.Position;
import dev.tradekit.api.model.PositionMode;
import dev.tradekit.api.model.PositionSide;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The unified account: wallet balances ({@code /v5/account/wallet-balance?accountType=UNIFIED}),
 * positions of the settle coin ({@code /v5/position/list}, cursor by cursor) and income from the
 * transaction log ({@code /v5/account/transaction-log}, 7-day windows).
 *
 * <p>A coin's available balance is its equity less the initial margin of its positions and orders
 * and what is locked. The position mode has no query on Bybit: it is hedge when a position row is
 * on a hedge leg ({@code positionIdx} 1 or 2) or the mode was last set to hedge, one-way otherwise.
 * Income types: a {@code TRADE} row gives {@code REALIZED_PNL} (its cash flow) and {@code
 * COMMISSION} (its fee, negated), a {@code SETTLEMENT} row {@code FUNDING_FEE}, any other row its
 * Bybit type with the wallet change; entries of zero are left out.
 */
final class BybitAccount implements Account {
  static final long WINDOW_MS = 7L * 24 * 60 * 60 * 1000;

  private final BybitRest rest;
  private final BybitPositionSides sides;
  private final LongSupplier venueNow;
  private final String settleCoin;
  private final BybitJson json = new BybitJson();

  BybitAccount(BybitRest rest, BybitPositionSides sides, LongSupplier venueNow, String settleCoin) {
    this.rest = Objects.requireNonNull(rest, "rest");
    this.sides = Objects.requireNonNull(sides, "sides");
    this.venueNow = Objects.requireNonNull(venueNow, "venueNow");
    this.settleCoin = Objects.requireNonNull(settleCoin, "settleCoin");
  }

  @Override
  public CompletableFuture<AccountSnapshot> snapshot() {
    CompletableFuture<List<Balance>> balances =
        rest.getPrivate("/v5/account/wallet-balance", Map.of("accountType", "UNIFIED"))
            .thenApply(body -> balances(json.parse(BybitWire.WalletReply.class, body).result.list));
    return balances.thenCombine(
        positions(),
        (b, p) -> {
          boolean hedge =
              sides.hedgeMode() || p.stream().anyMatch(x -> x.positionSide() != PositionSide.BOTH);
          return new AccountSnapshot(
              venueNow.getAsLong(), hedge ? PositionMode.HEDGE : PositionMode.ONE_WAY, b, p);
        });
  }

  /** The coins of unified wallets as balances, one per coin. */
  static List<Balance> balances(List<BybitWire.WalletDto> wallets) {
    Map<String, Balance> out = new LinkedHashMap<>();
    for (BybitWire.WalletDto w : wallets) {
      for (BybitWire.CoinDto c : w.coin) {
        out.put(c.coin, balance(c));
      }
    }
    return List.copyOf(out.values());
  }

  static Balance balance(BybitWire.CoinDto c) {
    BigDecimal wallet = dec(c.walletBalance);
    BigDecimal upnl = dec(c.unrealisedPnl);
    BigDecimal equity = c.equity.isEmpty() ? wallet.add(upnl) : dec(c.equity);
    BigDecimal available =
        equity
            .subtract(dec(c.totalPositionIM))
            .subtract(dec(c.totalOrderIM))
            .subtract(dec(c.locked));
    return new Balance(c.coin, wallet, available, upnl);
  }

  @Override
  public CompletableFuture<List<Position>> positions() {
    return positionPage(null, new ArrayList<>());
  }

  private CompletableFuture<List<Position>> positionPage(
      @Nullable String cursor, List<Position> acc) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("category", "linear");
    q.put("settleCoin", settleCoin);
    q.put("limit", "200");
    if (cursor != null) {
      q.put("cursor", cursor);
    }
    return rest.getPrivate("/v5/position/list", q)
        .thenCompose(
            body -> {
              BybitWire.PositionPage p = json.parse(BybitWire.PositionsReply.class, body).result;
              for (BybitWire.PositionDto d : p.list) {
                Position pos = BybitMapper.position(d);
                if (pos.positionSide() != PositionSide.BOTH) {
                  sides.hedgeMode(true);
                }
                if (pos.amount().signum() != 0) {
                  acc.add(pos);
                }
              }
              String next = p.nextPageCursor;
              if (next == null || next.isEmpty() || p.list.isEmpty()) {
                return CompletableFuture.completedFuture(List.copyOf(acc));
              }
              return positionPage(next, acc);
            });
  }

  @Override
  public CompletableFuture<List<Income>> income(
      @Nullable String symbol, long startTime, long endTime) {
    if (endTime < startTime) {
      throw new IllegalArgumentException(
          "endTime " + endTime + " is before startTime " + startTime);
    }
    CompletableFuture<List<Income>> all = CompletableFuture.completedFuture(new ArrayList<>());
    for (long from = startTime; from <= endTime; from += WINDOW_MS) {
      long winStart = from;
      long winEnd = Math.min(endTime, from + WINDOW_MS - 1);
      all = all.thenCompose(acc -> incomePage(symbol, winStart, winEnd, null, acc));
    }
    return all.thenApply(
        list -> {
          list.sort(java.util.Comparator.comparingLong(Income::time).thenComparing(Income::tranId));
          return List.copyOf(list);
        });
  }

  private CompletableFuture<List<Income>> incomePage(
      @Nullable String symbol, long start, long end, @Nullable String cursor, List<Income> acc) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("accountType", "UNIFIED");
    q.put("category", "linear");
    q.put("startTime", Long.toString(start));
    q.put("endTime", Long.toString(end));
    q.put("limit", "50");
    if (cursor != null) {
      q.put("cursor", cursor);
    }
    return rest.getPrivate("/v5/account/transaction-log", q)
        .thenCompose(
            body -> {
              BybitWire.TransactionPage p =
                  json.parse(BybitWire.TransactionLogReply.class, body).result;
              for (BybitWire.TransactionDto t : p.list) {
                if (symbol == null || symbol.equals(t.symbol)) {
                  acc.addAll(incomes(t));
                }
              }
              String next = p.nextPageCursor;
              if (next == null || next.isEmpty() || p.list.isEmpty()) {
                return CompletableFuture.completedFuture(acc);
              }
              return incomePage(symbol, start, end, next, acc);
            });
  }

  /** The income entries of one transaction-log row (see the class comment). */
  static List<Income> incomes(BybitWire.TransactionDto t) {
    String asset = t.currency.isEmpty() ? "USDT" : t.currency;
    List<Income> out = new ArrayList<>(2);
    switch (t.type) {
      case "TRADE" -> {
        add(out, t, "REALIZED_PNL", dec(t.cashFlow), asset, t.id + "-pnl");
        add(out, t, "COMMISSION", dec(t.fee).negate(), asset, t.id + "-fee");
      }
      case "SETTLEMENT" -> add(out, t, "FUNDING_FEE", dec(t.change), asset, t.id);
      default -> add(out, t, t.type.isEmpty() ? "OTHER" : t.type, dec(t.change), asset, t.id);
    }
    return out;
  }

  private static void add(
      List<Income> out,
      BybitWire.TransactionDto t,
      String type,
      BigDecimal amount,
      String asset,
      String id) {
    if (amount.signum() != 0) {
      out.add(new Income(t.symbol, type, amount, asset, t.transactionTime, id));
    }
  }

  private static BigDecimal dec(String s) {
    return s.isEmpty() ? BigDecimal.ZERO : new BigDecimal(s);
  }
}
