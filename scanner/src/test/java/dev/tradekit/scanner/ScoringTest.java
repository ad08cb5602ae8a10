package dev.tradekit.scanner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tradekit.api.model.Side;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ScoringTest {

  private static long at(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  @Test
  void roundLevelsAreMultiplesOfATenthOfTheLeadingPowerOfTen() {
    OrderAnalytics a = Scoring.analytics(new BigDecimal("1234.5"), 0, null);
    assertThat(a.nearestRoundLevel()).isEqualByComparingTo("1200");
    assertThat(a.roundLevel()).isFalse();
    assertThat(a.distanceToRoundPercent()).isCloseTo(34.5 / 1234.5 * 100, within(1e-12));

    OrderAnalytics r = Scoring.analytics(new BigDecimal("30000.0"), 0, null);
    assertThat(r.roundLevel()).isTrue();
    assertThat(r.nearestRoundLevel().toPlainString()).isEqualTo("30000");
    assertThat(r.distanceToRoundPercent()).isZero();

    OrderAnalytics small = Scoring.analytics(new BigDecimal("0.02345"), 0, null);
    assertThat(small.nearestRoundLevel().toPlainString()).isEqualTo("0.023");
    assertThat(Scoring.analytics(new BigDecimal("0.0235"), 0, null).nearestRoundLevel())
        .isEqualByComparingTo("0.024");
    assertThat(Scoring.analytics(new BigDecimal("0.023"), 0, null).roundLevel()).isTrue();
    assertThat(Scoring.analytics(new BigDecimal("7"), 0, null).roundLevel()).isTrue();
  }

  @Test
  void distanceFromMidIsAbsolutePercent() {
    assertThat(Scoring.analytics(new BigDecimal("99"), 100, null).distanceFromMidPercent())
        .isCloseTo(1.0, within(1e-12));
    assertThat(Scoring.analytics(new BigDecimal("102"), 100, null).distanceFromMidPercent())
        .isCloseTo(2.0, within(1e-12));
    assertThat(Scoring.analytics(new BigDecimal("102"), 0, null).distanceFromMidPercent()).isZero();
  }

  @Test
  void timeOfDayFactorByUtcHour() {
    assertThat(Scoring.timeOfDayFactor(at("2024-01-03T00:00:00Z"))).isEqualTo(0.7);
    assertThat(Scoring.timeOfDayFactor(at("2024-01-03T06:59:59Z"))).isEqualTo(0.7);
    assertThat(Scoring.timeOfDayFactor(at("2024-01-03T07:00:00Z"))).isEqualTo(0.85);
    assertThat(Scoring.timeOfDayFactor(at("2024-01-03T13:00:00Z"))).isEqualTo(1.0);
    assertThat(Scoring.timeOfDayFactor(at("2024-01-03T20:59:59Z"))).isEqualTo(1.0);
    assertThat(Scoring.timeOfDayFactor(at("2024-01-03T21:00:00Z"))).isEqualTo(0.85);
  }

  @Test
  void weekendFactorOnSaturdayAndSundayUtc() {
    assertThat(Scoring.weekendFactor(at("2024-01-05T23:59:59Z"))).isEqualTo(1.0); // Friday
    assertThat(Scoring.weekendFactor(at("2024-01-06T00:00:00Z"))).isEqualTo(0.8); // Saturday
    assertThat(Scoring.weekendFactor(at("2024-01-07T12:00:00Z"))).isEqualTo(0.8); // Sunday
    assertThat(Scoring.weekendFactor(at("2024-01-08T00:00:00Z"))).isEqualTo(1.0); // Monday
  }

  @Test
  void calmFactorFallsWhenTheSymbolIsWilderThanTheMarket() {
    assertThat(new MarketContext(1, 2, 1, 1).calmFactor()).isEqualTo(1.0);
    assertThat(new MarketContext(3, 1, 1, 1).calmFactor()).isEqualTo(1.0 / 3.0);
    assertThat(new MarketContext(3, 0, 1, 1).calmFactor()).isEqualTo(1.0);
  }

  @Test
  void updateCarriesEveryAlgorithmAndTheConfiguredOnesCategory() {
    long t0 = at("2024-01-03T14:00:00Z");
    TrackedOrder o = new TrackedOrder("X", Side.SELL, 1000, new BigDecimal("100"), 70, t0);
    o.seen(70, t0 + 30 * 60_000, 5, 99.0);
    WeightAlgorithm sizeOnly = WeightAlgorithm.of("size", ScoringInput::sizeFactor);
    OrderUpdate u =
        new Scoring(sizeOnly, 3.5)
            .update(
                o, t0 + 30 * 60_000, Scoring.context(t0, 0, 0), Set.of(UpdateReason.ENTERED_HOT));
    assertThat(u.weights())
        .containsOnlyKeys("conservative", "aggressive", "hybrid", "recommended", "size");
    assertThat(u.sizeFactor()).isCloseTo(0.8646647167633873, within(1e-15)); // ratio 14 = 4 x 3.5
    assertThat(u.weight()).isEqualTo(u.sizeFactor());
    assertThat(u.category()).isEqualTo(Category.DIAMOND);
    assertThat(u.algorithm()).isEqualTo("size");
    assertThat(u.timeFactors().linear()).isEqualTo(0.5);
    assertThat(u.analytics().roundLevel()).isTrue();
    assertThat(u.analytics().distanceFromMidPercent()).isCloseTo(100.0 / 99.0, within(1e-9));
  }

  @Test
  void timeOfDayAndWeekendFactorsFollowTheUtcCalendarBeforeAndAfterTheEpoch() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 20_000; i++) {
      long t = random.nextLong(-4_000_000_000_000L, 4_000_000_000_000L);
      ZonedDateTime utc = Instant.ofEpochMilli(t).atZone(ZoneOffset.UTC);
      int hour = utc.getHour();
      double timeOfDay = hour >= 13 && hour < 21 ? 1.0 : hour >= 7 ? 0.85 : 0.7;
      DayOfWeek day = utc.getDayOfWeek();
      double weekend = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY ? 0.8 : 1.0;
      assertThat(Scoring.timeOfDayFactor(t)).as("%s", utc).isEqualTo(timeOfDay);
      assertThat(Scoring.weekendFactor(t)).as("%s", utc).isEqualTo(weekend);
    }
  }

  @Test
  void theSightingWeightIsTheUpdatesWeightBitForBit() {
    long t0 = at("2024-01-05T20:30:00Z");
    SplittableRandom random = new SplittableRandom(11);
    List<WeightAlgorithm> algorithms =
        List.of(
            WeightAlgorithm.conservative(),
            WeightAlgorithm.aggressive(),
            WeightAlgorithm.hybrid(),
            WeightAlgorithm.recommended(),
            WeightAlgorithm.of("size-and-time", in -> in.sizeFactor() * 1.3 - in.time().linear()));
    for (WeightAlgorithm algorithm : algorithms) {
      Scoring scoring = new Scoring(algorithm, 3.5);
      for (int i = 0; i < 2_000; i++) {
        String price = random.nextBoolean() ? "100" : "98.7";
        TrackedOrder o = new TrackedOrder("X", Side.BUY, 987, new BigDecimal(price), 70, t0);
        long now = t0 + random.nextLong(0, 4 * 24 * 3_600_000L);
        double mid = random.nextInt(4) == 0 ? 0 : 95 + random.nextDouble(10);
        o.seen(random.nextDouble(1, 200), now, random.nextInt(5) == 0 ? 0 : 10, mid);
        double symbolVol = random.nextInt(4) == 0 ? 0 : random.nextDouble(5);
        double marketVol = random.nextInt(4) == 0 ? 0 : random.nextDouble(5);
        OrderUpdate u =
            scoring.update(
                o,
                now,
                Scoring.context(now, symbolVol, marketVol),
                Set.of(UpdateReason.WEIGHT_MOVED));
        assertThat(scoring.weight(o, now, symbolVol, marketVol))
            .as("%s at %d", algorithm, now)
            .isEqualTo(u.weight());
        assertThat(o.usdValue()).isEqualTo(u.order().usdValue());
      }
    }
  }
}
