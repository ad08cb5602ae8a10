package dev.tradekit.marketmaker;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Builds an Avellaneda–Stoikov strategy: reservation price {@code r = s − q·γ·σ²·τ}, spread {@code
 * δ = γ·σ²·τ + (2/γ)·ln(1 + γ/κ)}; order amount and levels come from the engine's {@link
 * QuoteParameters}, and {@code q} is the position in lots of that amount.
 *
 * <pre>{@code
 * Strategy as = Strategies.avellaneda()
 *     .gamma(0.05)
 *     .estimateVolatility(5.0, 0.05, 20)   // σ fallback 5 $/√s until 20 returns are seen
 *     .estimateKappa(2.0, 0.02, 50)        // κ fallback 2 per $ until 50 trades are seen
 *     .finiteHorizon(Duration.ofMinutes(5))
 *     .build();
 * }</pre>
 *
 * <p>Defaults: infinite horizon with τ = 60 s; target position 0. {@code gamma}, a volatility
 * ({@link #volatility} or {@link #estimateVolatility}) and a κ ({@link #kappa} or {@link
 * #estimateKappa}) are required.
 */
public final class AvellanedaBuilder {
  double gamma = Double.NaN;
  @Nullable Double fixedSigma;
  double fallbackSigma = Double.NaN;
  double sigmaAlpha;
  int sigmaMinSamples;
  @Nullable Double fixedKappa;
  double fallbackKappa = Double.NaN;
  double kappaAlpha;
  int kappaMinTrades;
  long horizonMillis = 60_000;
  boolean finiteHorizon;
  BigDecimal targetPosition = BigDecimal.ZERO;

  AvellanedaBuilder() {}

  /** Risk aversion γ > 0, in 1/price units per lot. Required. */
  public AvellanedaBuilder gamma(double gamma) {
    this.gamma = positive(gamma, "gamma");
    return this;
  }

  /** A fixed σ in price units per √second. */
  public AvellanedaBuilder volatility(double sigma) {
    this.fixedSigma = positive(sigma, "sigma");
    return this;
  }

  /**
   * σ estimated online as {@code mid ×} the EWMA ({@code alpha}) volatility of log returns per
   * √second, using {@code fallbackSigma} until {@code minSamples} returns are seen.
   */
  public AvellanedaBuilder estimateVolatility(double fallbackSigma, double alpha, int minSamples) {
    this.fallbackSigma = positive(fallbackSigma, "fallbackSigma");
    checkEwma(alpha, minSamples, "minSamples");
    this.sigmaAlpha = alpha;
    this.sigmaMinSamples = minSamples;
    this.fixedSigma = null;
    return this;
  }

  /** A fixed κ in 1/price units. */
  public AvellanedaBuilder kappa(double kappa) {
    this.fixedKappa = positive(kappa, "kappa");
    return this;
  }

  /**
   * κ estimated from public trades as {@code 1 / EWMA(|trade price − mid|)}, using {@code
   * fallbackKappa} until {@code minTrades} trades are seen.
   */
  public AvellanedaBuilder estimateKappa(double fallbackKappa, double alpha, int minTrades) {
    this.fallbackKappa = positive(fallbackKappa, "fallbackKappa");
    checkEwma(alpha, minTrades, "minTrades");
    this.kappaAlpha = alpha;
    this.kappaMinTrades = minTrades;
    this.fixedKappa = null;
    return this;
  }

  /** τ is the time left in repeating cycles of {@code horizon} (from 0 s up to {@code horizon}). */
  public AvellanedaBuilder finiteHorizon(Duration horizon) {
    this.horizonMillis = millis(horizon, "horizon");
    this.finiteHorizon = true;
    return this;
  }

  /** τ is the constant {@code tau} (default 60 s). */
  public AvellanedaBuilder infiniteHorizon(Duration tau) {
    this.horizonMillis = millis(tau, "tau");
    this.finiteHorizon = false;
    return this;
  }

  /** The position (base units, signed) at which {@code q = 0}; default 0. */
  public AvellanedaBuilder targetPosition(BigDecimal position) {
    this.targetPosition = Objects.requireNonNull(position, "position");
    return this;
  }

  /** Builds the strategy; fails when γ, σ or κ is missing. */
  public Strategy build() {
    if (Double.isNaN(gamma)) {
      throw new IllegalStateException("gamma is required: call gamma(γ > 0)");
    }
    if (fixedSigma == null && Double.isNaN(fallbackSigma)) {
      throw new IllegalStateException(
          "a volatility is required: call volatility(σ) or estimateVolatility(...)");
    }
    if (fixedKappa == null && Double.isNaN(fallbackKappa)) {
      throw new IllegalStateException("a kappa is required: call kappa(κ) or estimateKappa(...)");
    }
    return new AvellanedaStrategy(this);
  }

  private static double positive(double v, String name) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(name + " must be a finite number > 0, was " + v);
    }
    return v;
  }

  private static void checkEwma(double alpha, int min, String minName) {
    if (!(alpha > 0 && alpha <= 1)) {
      throw new IllegalArgumentException("alpha must be in (0, 1], was " + alpha);
    }
    if (min < 1) {
      throw new IllegalArgumentException(minName + " must be >= 1, was " + min);
    }
  }

  private static long millis(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be > 0, was " + d);
    }
    return d.toMillis();
  }
}
