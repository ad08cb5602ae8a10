package dev.tradekit.backtest.sim;

import dev.tradekit.api.model.PositionMode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The starting state of a simulated account: balances per margin asset, position mode and leverage.
 *
 * <pre>{@code
 * AccountSetup setup = AccountSetup.builder()
 *     .balance("USDT", new BigDecimal("10000"))
 *     .positionMode(PositionMode.HEDGE)
 *     .leverage(10)
 *     .build();
 * Exchange leader = venue.openAccount("leader", setup);
 * }</pre>
 *
 * @param balances wallet balance per asset (e.g. {@code USDT}); assets absent here start at zero
 * @param positionMode one-way or hedge
 * @param leverage the leverage of every symbol until changed with {@code setLeverage}
 * @param maxLeverage the highest leverage {@code setLeverage} accepts
 */
public record AccountSetup(
    Map<String, BigDecimal> balances, PositionMode positionMode, int leverage, int maxLeverage) {

  /** Validates the fields and copies the balances. */
  public AccountSetup {
    Objects.requireNonNull(balances, "balances");
    Objects.requireNonNull(positionMode, "positionMode");
    balances = Map.copyOf(balances);
    for (Map.Entry<String, BigDecimal> b : balances.entrySet()) {
      if (b.getKey().isBlank()) {
        throw new IllegalArgumentException("balances has a blank asset name");
      }
      if (b.getValue().signum() < 0) {
        throw new IllegalArgumentException(
            "balance of " + b.getKey() + " must not be negative, was " + b.getValue());
      }
    }
    if (maxLeverage < 1) {
      throw new IllegalArgumentException("maxLeverage must be >= 1, was " + maxLeverage);
    }
    if (leverage < 1 || leverage > maxLeverage) {
      throw new IllegalArgumentException(
          "leverage must be between 1 and maxLeverage " + maxLeverage + ", was " + leverage);
    }
  }

  /** A one-way account holding {@code usdt} USDT at leverage 20. */
  public static AccountSetup usdt(BigDecimal usdt) {
    return builder().balance("USDT", usdt).build();
  }

  /** A builder with the defaults listed on {@link Builder}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds an {@link AccountSetup}. Defaults: no balances, {@link PositionMode#ONE_WAY}, leverage
   * 20 (Binance's default for BTCUSDT), max leverage 125 (Binance's BTCUSDT maximum).
   *
   * <pre>{@code
   * AccountSetup s = AccountSetup.builder().balance("USDT", new BigDecimal("500")).leverage(5).build();
   * }</pre>
   */
  public static final class Builder {
    private final Map<String, BigDecimal> balances = new LinkedHashMap<>();
    private PositionMode positionMode = PositionMode.ONE_WAY;
    private int leverage = 20;
    private int maxLeverage = 125;

    private Builder() {}

    /** The starting wallet balance of {@code asset}. */
    public Builder balance(String asset, BigDecimal amount) {
      balances.put(
          Objects.requireNonNull(asset, "asset"), Objects.requireNonNull(amount, "amount"));
      return this;
    }

    public Builder positionMode(PositionMode mode) {
      this.positionMode = Objects.requireNonNull(mode, "positionMode");
      return this;
    }

    /** The starting leverage of every symbol (default 20). */
    public Builder leverage(int value) {
      this.leverage = value;
      return this;
    }

    /** The highest leverage accepted (default 125). */
    public Builder maxLeverage(int value) {
      this.maxLeverage = value;
      return this;
    }

    /** Validates and builds; throws {@link IllegalArgumentException} naming a bad setting. */
    public AccountSetup build() {
      return new AccountSetup(balances, positionMode, leverage, maxLeverage);
    }
  }
}
