package dev.tradekit.api.model;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The account's balances and positions at one time, as read over REST.
 *
 * <pre>{@code
 * AccountSnapshot a = exchange.account().snapshot().join();
 * BigDecimal usdt = a.balance("USDT").map(Balance::availableBalance).orElse(BigDecimal.ZERO);
 * Optional<Position> btc = a.position("BTCUSDT", PositionSide.BOTH);
 * }</pre>
 *
 * @param time epoch millis
 * @param balances one per asset
 * @param positions at most one per symbol and position side
 */
public record AccountSnapshot(
    long time, PositionMode positionMode, List<Balance> balances, List<Position> positions) {

  /** Copies the lists and rejects a repeated asset or a repeated (symbol, position side). */
  public AccountSnapshot {
    Checks.nonNegative(time, "time");
    Objects.requireNonNull(positionMode, "positionMode");
    balances = Checks.copy(balances, "balances");
    positions = Checks.copy(positions, "positions");
    Set<String> assets = new HashSet<>();
    for (Balance b : balances) {
      if (!assets.add(b.asset())) {
        throw new IllegalArgumentException("balances lists asset " + b.asset() + " twice");
      }
    }
    Set<String> keys = new HashSet<>();
    for (Position p : positions) {
      if (!keys.add(p.symbol() + '|' + p.positionSide())) {
        throw new IllegalArgumentException(
            "positions lists " + p.symbol() + " " + p.positionSide() + " twice");
      }
    }
  }

  /** The balance of {@code asset}, if the account holds it. */
  public Optional<Balance> balance(String asset) {
    Objects.requireNonNull(asset, "asset");
    return balances.stream().filter(b -> b.asset().equals(asset)).findFirst();
  }

  /** Every position of {@code symbol} (one in one-way mode, up to two legs in hedge mode). */
  public List<Position> positions(String symbol) {
    Objects.requireNonNull(symbol, "symbol");
    return positions.stream().filter(p -> p.symbol().equals(symbol)).toList();
  }

  /** The position of {@code symbol} on {@code side}, if reported. */
  public Optional<Position> position(String symbol, PositionSide side) {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(side, "side");
    return positions.stream()
        .filter(p -> p.symbol().equals(symbol) && p.positionSide() == side)
        .findFirst();
  }
}
