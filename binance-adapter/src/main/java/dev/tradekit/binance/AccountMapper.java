package dev.tradekit.binance;

import static dev.tradekit.binance.WireNumbers.dec;
import static dev.tradekit.binance.WireNumbers.decOrZero;
import static dev.tradekit.binance.WireNumbers.positiveOrNull;

import dev.tradekit.api.model.AccountSnapshot;
import dev.tradekit.api.model.Balance;
import dev.tradekit.api.model.Income;
import dev.tradekit.api.model.MarginType;
import dev.tradekit.api.model.Position;
import dev.tradekit.api.model.PositionMode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Account, position-risk and income replies → {@link AccountSnapshot}, {@link Balance}, {@link
 * Position} and {@link Income}.
 *
 * <p>Where a reply version leaves a field out (v3 has no leverage and, in the account reply, no
 * entry price) it is derived from what is there: leverage = |notional| / initial margin, entry
 * price = (notional - unrealized PnL) / amount. A flat position with no leverage reported gets 1.
 */
final class AccountMapper {
  private AccountMapper() {}

  /**
   * The snapshot of a {@code /fapi/v2/account} (or v3) reply: every asset, and the positions that
   * are not flat.
   *
   * @param hedge the account's position mode from {@code /fapi/v1/positionSide/dual}
   * @param time when the reply was received, epoch ms
   */
  static AccountSnapshot snapshot(AccountDto a, boolean hedge, long time) {
    List<Balance> balances = new ArrayList<>(a.assets.size());
    for (AccountDto.AssetBalance b : a.assets) {
      balances.add(balance(b));
    }
    List<Position> positions = new ArrayList<>();
    for (AccountDto.Position p : a.positions) {
      if (decOrZero(p.positionAmt, "positionAmt").signum() != 0) {
        positions.add(position(p));
      }
    }
    return new AccountSnapshot(
        time, hedge ? PositionMode.HEDGE : PositionMode.ONE_WAY, balances, positions);
  }

  static Balance balance(AccountDto.AssetBalance b) {
    return new Balance(
        b.asset,
        decOrZero(b.walletBalance, b.asset + ".walletBalance"),
        decOrZero(b.availableBalance, b.asset + ".availableBalance"),
        decOrZero(b.unrealizedProfit, b.asset + ".unrealizedProfit"));
  }

  /** A position as the account reply lists it; the mark price is not reported there. */
  static Position position(AccountDto.Position p) {
    BigDecimal amount = dec(p.positionAmt, "positionAmt");
    BigDecimal notional = decOrZero(p.notional, "notional");
    BigDecimal upnl = decOrZero(p.unrealizedProfit, "unrealizedProfit");
    BigDecimal entry =
        p.entryPrice != null && !p.entryPrice.isBlank()
            ? dec(p.entryPrice, "entryPrice")
            : derivedEntry(amount, notional, upnl);
    boolean isolated =
        p.isolated != null
            ? p.isolated
            : decOrZero(p.isolatedWallet, "isolatedWallet").signum() > 0;
    BigDecimal margin =
        p.positionInitialMargin != null ? decOrZero(p.positionInitialMargin, "pim") : null;
    return new Position(
        p.symbol,
        OrderMapper.positionSide(p.positionSide),
        amount,
        entry,
        null,
        upnl,
        leverage(p.leverage, notional, margin != null ? margin : decOrZero(p.initialMargin, "im")),
        isolated ? MarginType.ISOLATED : MarginType.CROSS,
        p.updateTime);
  }

  /** A position from {@code /fapi/v2/positionRisk} (or v3). */
  static Position position(PositionRiskDto p) {
    BigDecimal notional = decOrZero(p.notional, "notional");
    String initial = p.positionInitialMargin != null ? p.positionInitialMargin : p.initialMargin;
    MarginType margin;
    if (p.marginType != null) {
      margin =
          p.marginType.toLowerCase(Locale.ROOT).startsWith("isolated")
              ? MarginType.ISOLATED
              : MarginType.CROSS;
    } else {
      margin =
          decOrZero(p.isolatedWallet, "isolatedWallet").signum() > 0
              ? MarginType.ISOLATED
              : MarginType.CROSS;
    }
    return new Position(
        p.symbol,
        OrderMapper.positionSide(p.positionSide),
        dec(p.positionAmt, "positionAmt"),
        decOrZero(p.entryPrice, "entryPrice"),
        positiveOrNull(p.markPrice, "markPrice"),
        decOrZero(p.unRealizedProfit, "unRealizedProfit"),
        leverage(p.leverage, notional, decOrZero(initial, "initialMargin")),
        margin,
        p.updateTime);
  }

  /** The positions that are not flat. */
  static List<Position> openPositions(List<PositionRiskDto> dtos) {
    List<Position> out = new ArrayList<>();
    for (PositionRiskDto p : dtos) {
      if (decOrZero(p.positionAmt, "positionAmt").signum() != 0) {
        out.add(position(p));
      }
    }
    return out;
  }

  static Income income(IncomeDto i) {
    return new Income(
        i.symbol,
        i.incomeType,
        dec(i.income, "income"),
        i.asset,
        i.time,
        Long.toUnsignedString(i.tranId));
  }

  private static int leverage(@Nullable String reported, BigDecimal notional, BigDecimal margin) {
    if (reported != null && !reported.isBlank()) {
      return Math.max(1, Integer.parseInt(reported.trim()));
    }
    if (margin.signum() > 0 && notional.signum() != 0) {
      BigDecimal l = notional.abs().divide(margin, MathContext.DECIMAL64);
      return Math.max(1, l.setScale(0, RoundingMode.HALF_UP).intValueExact());
    }
    return 1;
  }

  private static BigDecimal derivedEntry(BigDecimal amount, BigDecimal notional, BigDecimal upnl) {
    if (amount.signum() == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal entry = notional.subtract(upnl).divide(amount, MathContext.DECIMAL64).abs();
    return entry.stripTrailingZeros();
  }
}
