package dev.tradekit.marketmaker;

import dev.tradekit.api.model.Side;
import dev.tradekit.api.model.Trade;
import dev.tradekit.execution.TargetOrder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Avellaneda–Stoikov quoting: reservation price {@code r = s − q·γ·σ²·τ} and optimal spread {@code
 * δ = γ·σ²·τ + (2/γ)·ln(1 + γ/κ)}; bid {@code r − δ/2}, ask {@code r + δ/2}.
 *
 * <p>{@code s} is the mid; {@code q = (position − targetPosition) / orderAmount} (inventory in lots
 * of the engine's order amount); σ is in price units per √second (fixed, or {@code mid ×} the
 * online estimate of the log-return volatility); κ in 1/price units (fixed, or estimated from trade
 * distances to the mid); τ in seconds: with a finite horizon {@code H} the time left in the current
 * cycle of length {@code H} (cycles start at the first quote), with an infinite horizon a constant.
 * Extra levels step out by {@code levelSpread·mid}.
 */
final class AvellanedaStrategy implements Strategy {
  private final double gamma;
  private final @Nullable Double fixedSigma;
  private final double fallbackSigma;
  private final @Nullable VolatilityEstimator volatility;
  private final @Nullable Double fixedKappa;
  private final double fallbackKappa;
  private final @Nullable TradeIntensityEstimator intensity;
  private final long horizonMillis;
  private final boolean finite;
  private final BigDecimal targetPosition;
  private long origin = Long.MIN_VALUE;
  private double lastReservation = Double.NaN;
  private double lastSpread = Double.NaN;
  private double minDistance = 0.0;

  AvellanedaStrategy(AvellanedaBuilder b) {
    this.gamma = b.gamma;
    this.fixedSigma = b.fixedSigma;
    this.fallbackSigma = b.fallbackSigma;
    this.volatility =
        b.fixedSigma == null ? new VolatilityEstimator(b.sigmaAlpha, b.sigmaMinSamples) : null;
    this.fixedKappa = b.fixedKappa;
    this.fallbackKappa = b.fallbackKappa;
    this.intensity =
        b.fixedKappa == null ? new TradeIntensityEstimator(b.kappaAlpha, b.kappaMinTrades) : null;
    this.horizonMillis = b.horizonMillis;
    this.finite = b.finiteHorizon;
    this.targetPosition = b.targetPosition;
  }

  @Override
  public void onTrade(Trade trade, double mid) {
    if (intensity != null) {
      intensity.onTrade(trade.price().doubleValue(), mid);
    }
  }

  @Override
  public List<TargetOrder> targets(QuoteContext ctx) {
    double mid = ctx.market().midDouble();
    long now = ctx.now();
    if (origin == Long.MIN_VALUE) {
      origin = now;
    }
    if (volatility != null) {
      volatility.update(now, mid);
    }
    minDistance = ctx.instrument().tickSize().doubleValue() / 2;
    double sigma = sigma(mid);
    double kappa = kappa();
    double tau = tauSeconds(now);
    QuoteParameters p = ctx.parameters();
    double q =
        ctx.inventory().position().subtract(targetPosition).doubleValue()
            / p.orderAmount().doubleValue();
    double variance = sigma * sigma * tau;
    double reservation = mid - q * gamma * variance;
    double spread = gamma * variance + (2 / gamma) * Math.log(1 + gamma / kappa);
    lastReservation = reservation;
    lastSpread = spread;
    List<TargetOrder> buys = new ArrayList<>();
    List<TargetOrder> sells = new ArrayList<>();
    for (int i = 0; i < p.levels(); i++) {
      double step = i * p.levelSpread().doubleValue() * mid;
      double bid = reservation - spread / 2 - step;
      double ask = reservation + spread / 2 + step;
      BigDecimal amount = p.amountAt(i);
      if (Double.isFinite(bid) && bid > 0) {
        LadderStrategy.add(buys, ctx, Side.BUY, BigDecimal.valueOf(bid), amount);
      }
      if (Double.isFinite(ask) && ask > 0) {
        LadderStrategy.add(sells, ctx, Side.SELL, BigDecimal.valueOf(ask), amount);
      }
    }
    buys.addAll(sells);
    return buys;
  }

  double sigma(double mid) {
    if (fixedSigma != null) {
      return fixedSigma;
    }
    VolatilityEstimator v = volatility;
    return v != null && v.ready() ? mid * v.sigmaPerSqrtSecond() : fallbackSigma;
  }

  double kappa() {
    if (fixedKappa != null) {
      return fixedKappa;
    }
    TradeIntensityEstimator k = intensity;
    return k != null && k.ready() ? k.kappa(Math.max(minDistance, 1e-12)) : fallbackKappa;
  }

  double tauSeconds(long now) {
    if (!finite) {
      return horizonMillis / 1000.0;
    }
    long elapsed = Math.floorMod(now - origin, horizonMillis);
    return (horizonMillis - elapsed) / 1000.0;
  }

  /** The reservation price of the last cycle (NaN before the first). */
  double lastReservation() {
    return lastReservation;
  }

  /** The optimal spread of the last cycle (NaN before the first). */
  double lastSpread() {
    return lastSpread;
  }
}
