package dev.tradekit.marketmaker;

import dev.tradekit.api.model.AccountSnapshot;
import dev.tradekit.api.model.AccountUpdate;
import dev.tradekit.api.model.Balance;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Position;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * The bot's view of the account in one symbol: position and entry price, wallet and available
 * balance of the margin asset, and the realised PnL and fees of the bot's session. Absolute values
 * come from snapshots and account updates; fills move them in between. Scheduler thread only.
 */
final class AccountState {
  private final String symbol;
  private final String marginAsset;
  BigDecimal position = BigDecimal.ZERO;
  BigDecimal entryPrice = BigDecimal.ZERO;
  BigDecimal wallet = BigDecimal.ZERO;
  BigDecimal available = BigDecimal.ZERO;
  BigDecimal realisedPnl = BigDecimal.ZERO;
  BigDecimal fees = BigDecimal.ZERO;
  int leverage;

  AccountState(String symbol, String marginAsset) {
    this.symbol = symbol;
    this.marginAsset = marginAsset;
  }

  void apply(AccountSnapshot s) {
    applyBalances(s.balances());
    applyPositions(s.positions(), true);
  }

  void apply(AccountUpdate u) {
    applyBalances(u.balances());
    applyPositions(u.positions(), false);
  }

  private void applyBalances(List<Balance> balances) {
    for (Balance b : balances) {
      if (b.asset().equals(marginAsset)) {
        wallet = b.walletBalance();
        available = b.availableBalance();
      }
    }
  }

  /** A snapshot lists every open position, so a missing symbol means flat; an update does not. */
  private void applyPositions(List<Position> positions, boolean complete) {
    BigDecimal amount = BigDecimal.ZERO;
    BigDecimal entry = BigDecimal.ZERO;
    boolean seen = false;
    for (Position p : positions) {
      if (p.symbol().equals(symbol)) {
        amount = amount.add(p.amount());
        if (p.amount().signum() != 0) {
          entry = p.entryPrice();
        }
        leverage = p.leverage();
        seen = true;
      }
    }
    if (seen || complete) {
      position = amount;
      entryPrice = amount.signum() == 0 ? BigDecimal.ZERO : entry;
    }
  }

  /** Moves the position, entry price, wallet and realised PnL by one fill of the symbol. */
  void applyFill(Fill f) {
    BigDecimal signed = f.signedQuantity();
    BigDecimal next = position.add(signed);
    if (position.signum() == 0 || position.signum() == signed.signum()) {
      BigDecimal cost = entryPrice.multiply(position.abs()).add(f.price().multiply(f.quantity()));
      entryPrice = cost.divide(next.abs(), MathContext.DECIMAL64);
    } else if (next.signum() != 0 && next.signum() != position.signum()) {
      entryPrice = f.price(); // flipped through zero
    } else if (next.signum() == 0) {
      entryPrice = BigDecimal.ZERO;
    }
    position = next;
    realisedPnl = realisedPnl.add(f.realizedPnl());
    wallet = wallet.add(f.realizedPnl());
    if (f.commissionAsset().equals(marginAsset)) {
      fees = fees.add(f.commission());
      wallet = wallet.subtract(f.commission());
    }
  }

  BigDecimal unrealised(BigDecimal mid) {
    return position.signum() == 0 ? BigDecimal.ZERO : mid.subtract(entryPrice).multiply(position);
  }

  Inventory inventory(BigDecimal mid) {
    return new Inventory(position, entryPrice, wallet.add(unrealised(mid)), available);
  }
}
