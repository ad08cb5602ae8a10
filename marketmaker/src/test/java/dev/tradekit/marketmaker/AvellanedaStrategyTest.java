package dev.tradekit.marketmaker;

import static dev.tradekit.marketmaker.Fixtures.CENTS;
import static dev.tradekit.marketmaker.Fixtures.bd;
import static dev.tradekit.marketmaker.Fixtures.buy;
import static dev.tradekit.marketmaker.Fixtures.ctx;
import static dev.tradekit.marketmaker.Fixtures.inventory;
import static dev.tradekit.marketmaker.Fixtures.market;
import static dev.tradekit.marketmaker.Fixtures.sell;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tradekit.api.model.Trade;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AvellanedaStrategyTest {
  // s = 100, gamma = 0.1, sigma = 0.5 $/sqrt(s), kappa = 1.5 /$, tau = 10 s, lot = 0.010
  private static final QuoteParameters LOT = QuoteParameters.of(bd("0.001"), bd("0.010"));
  private static final MarketState MID_100 = market(CENTS, "99.99", "100.01");

  private static AvellanedaStrategy fixed(Duration horizon, boolean finite) {
    AvellanedaBuilder b = Strategies.avellaneda().gamma(0.1).volatility(0.5).kappa(1.5);
    return (AvellanedaStrategy)
        (finite ? b.finiteHorizon(horizon) : b.infiniteHorizon(horizon)).build();
  }

  @Test
  void flatInventoryQuotesTheOptimalSpreadAroundTheMid() {
    AvellanedaStrategy s = fixed(Duration.ofSeconds(10), false);
    // sigma^2 tau = 2.5; delta = 0.1 * 2.5 + 20 * ln(1 + 0.1/1.5) = 0.25 + 1.290770 = 1.540770
    // bid = 100 - 0.770385 = 99.229615 -> 99.22; ask = 100.770385 -> 100.78
    assertThat(s.targets(ctx(MID_100, inventory("0", "0", "1000"), LOT, 0)))
        .containsExactly(buy("99.22", "0.010"), sell("100.78", "0.010"));
    assertThat(s.lastReservation()).isCloseTo(100.0, within(1e-9));
    assertThat(s.lastSpread()).isCloseTo(1.540770, within(1e-6));
  }

  @Test
  void longInventoryLowersTheReservationPrice() {
    AvellanedaStrategy s = fixed(Duration.ofSeconds(10), false);
    // q = 0.010 / 0.010 = 1: r = 100 - 1 * 0.1 * 2.5 = 99.75; bid 98.979615 -> 98.97, ask
    // 100.520385 -> 100.53
    assertThat(s.targets(ctx(MID_100, inventory("0.010", "100", "1000"), LOT, 0)))
        .containsExactly(buy("98.97", "0.010"), sell("100.53", "0.010"));
    assertThat(s.lastReservation()).isCloseTo(99.75, within(1e-9));
  }

  @Test
  void finiteHorizonShrinksTauAsTheCycleRunsOut() {
    AvellanedaStrategy s = fixed(Duration.ofSeconds(10), true);
    s.targets(ctx(MID_100, inventory("0.010", "100", "1000"), LOT, 50_000));
    // 4 s later tau = 6: sigma^2 tau = 1.5; r = 99.85; delta = 0.15 + 1.290770 = 1.440770
    // bid = 99.129615 -> 99.12, ask = 100.570385 -> 100.58
    assertThat(s.targets(ctx(MID_100, inventory("0.010", "100", "1000"), LOT, 54_000)))
        .containsExactly(buy("99.12", "0.010"), sell("100.58", "0.010"));
    assertThat(s.tauSeconds(54_000)).isEqualTo(6.0);
    assertThat(s.tauSeconds(60_000)).isEqualTo(10.0); // a new cycle starts
  }

  @Test
  void kappaComesFromTradeDistancesOnceEnoughTradesAreSeen() {
    AvellanedaStrategy s =
        (AvellanedaStrategy)
            Strategies.avellaneda().gamma(0.1).volatility(0.5).estimateKappa(3.0, 0.5, 2).build();
    s.targets(ctx(MID_100, inventory("0", "0", "1000"), LOT, 0));
    assertThat(s.kappa()).isEqualTo(3.0); // fallback before two trades
    s.onTrade(new Trade("TESTUSDT", "1", bd("100.5"), bd("1"), false, 0), 100.0);
    s.onTrade(new Trade("TESTUSDT", "2", bd("99.0"), bd("1"), true, 0), 100.0);
    // mean distance = 0.5 * 1.0 + 0.5 * 0.5 = 0.75 -> kappa = 1 / 0.75
    assertThat(s.kappa()).isCloseTo(1.0 / 0.75, within(1e-12));
  }

  @Test
  void sigmaIsEstimatedFromLogReturnsPerSecond() {
    VolatilityEstimator v = new VolatilityEstimator(0.5, 2);
    v.update(0, 100);
    v.update(1_000, 101); // r^2 / 1 s
    assertThat(v.ready()).isFalse();
    v.update(5_000, 100); // r^2 / 4 s
    double r2 = Math.pow(Math.log(1.01), 2);
    assertThat(v.ready()).isTrue();
    assertThat(v.sigmaPerSqrtSecond()).isCloseTo(Math.sqrt(0.5 * r2 / 4 + 0.5 * r2), within(1e-15));
    v.update(5_000, 120); // same time: ignored
    assertThat(v.samples()).isEqualTo(2);
  }

  @Test
  void estimatedSigmaIsScaledByTheMid() {
    AvellanedaStrategy s =
        (AvellanedaStrategy)
            Strategies.avellaneda().gamma(0.1).estimateVolatility(0.7, 1.0, 1).kappa(1.5).build();
    s.targets(ctx(MID_100, inventory("0", "0", "1000"), LOT, 0));
    assertThat(s.sigma(100)).isEqualTo(0.7); // fallback
    s.targets(ctx(market(CENTS, "100.99", "101.01"), inventory("0", "0", "1000"), LOT, 1_000));
    assertThat(s.sigma(101)).isCloseTo(101 * Math.abs(Math.log(1.01)), within(1e-9));
  }

  @Test
  void builderNamesTheMissingParameter() {
    assertThatThrownBy(() -> Strategies.avellaneda().volatility(1).kappa(1).build())
        .hasMessageContaining("gamma");
    assertThatThrownBy(() -> Strategies.avellaneda().gamma(1).kappa(1).build())
        .hasMessageContaining("volatility");
    assertThatThrownBy(() -> Strategies.avellaneda().gamma(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gamma");
  }
}
