package dev.tradekit.strategy.ta4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradekit.strategy.Bar;
import dev.tradekit.strategy.BarContext;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Position;
import org.ta4j.core.rules.BooleanRule;

/** The bridge's record follows ta4j's next-open execution and the engine's own exits. */
class Ta4jBarStrategyTest {

  /** A context whose wish the test can also set, as the engine's exit rules do. */
  static final class Ctx implements BarContext {
    int target;
    boolean warming;
    long index = -1;

    @Override
    public long index() {
      return index;
    }

    @Override
    public boolean isWarmingUp() {
      return warming;
    }

    @Override
    public int position() {
      return target;
    }

    @Override
    public BigDecimal positionQuantity() {
      return BigDecimal.valueOf(target);
    }

    @Override
    public double entryPrice() {
      return Double.NaN;
    }

    @Override
    public int target() {
      return target;
    }

    @Override
    public void goLong() {
      target = 1;
    }

    @Override
    public void goShort() {
      target = -1;
    }

    @Override
    public void goFlat() {
      target = 0;
    }

    @Override
    public long now() {
      return 0;
    }
  }

  static Bar bar(int i, double open, double close) {
    long t = i * 60_000L;
    return Bar.of(t, t + 59_999, open, Math.max(open, close), Math.min(open, close), close, 1);
  }

  @Test
  void entersAtTheNextOpenAndFollowsAnEngineExitAtTheClose() {
    Ta4jBarStrategy s =
        Ta4jBarStrategy.longOnly(
            series -> new BaseStrategy(BooleanRule.TRUE, BooleanRule.FALSE), 10);
    Ctx ctx = new Ctx();
    s.onBar(bar(0, 100, 101), ctx);
    assertThat(ctx.target).as("entry rule on bar 0").isEqualTo(1);
    s.onBar(bar(1, 102, 103), ctx);
    Position open = s.record().getCurrentPosition();
    assertThat(open.getEntry().getIndex()).isEqualTo(1);
    assertThat(open.getEntry().getPricePerAsset().doubleValue()).isEqualTo(102);

    ctx.target = 0; // the engine's stop-loss fired
    s.onBar(bar(2, 103, 99), ctx);
    Position closed = s.record().getPositions().get(0);
    assertThat(closed.getExit().getIndex()).isEqualTo(2);
    assertThat(closed.getExit().getPricePerAsset().doubleValue()).isEqualTo(99);
    assertThat(ctx.target).as("the entry rule asks again on the same bar").isEqualTo(1);
  }

  @Test
  void warmUpBarsFillTheBoundedSeriesWithoutWishes() {
    Ta4jBarStrategy s =
        Ta4jBarStrategy.longOnly(
            series -> new BaseStrategy(BooleanRule.TRUE, BooleanRule.FALSE), 5);
    Ctx ctx = new Ctx();
    ctx.warming = true;
    for (int i = 0; i < 20; i++) {
      s.onBar(bar(i, 100, 100), ctx);
    }
    assertThat(ctx.target).isZero();
    assertThat(s.record().getTrades()).isEmpty();
    assertThat(s.series().getBarCount()).isEqualTo(5);
    assertThat(s.series().getEndIndex()).isEqualTo(19);
  }

  @Test
  void aShortOnlyBridgeWishesShort() {
    Ta4jBarStrategy s =
        Ta4jBarStrategy.shortOnly(
            series -> new BaseStrategy(BooleanRule.TRUE, BooleanRule.FALSE), 10);
    Ctx ctx = new Ctx();
    s.onBar(bar(0, 100, 99), ctx);
    assertThat(ctx.target).isEqualTo(-1);
  }

  @Test
  void seriesBarsEndAtTheBarsCloseTimePlusOneInUtcWithTheirLength() {
    Ta4jBarStrategy s =
        Ta4jBarStrategy.longOnly(
            series -> new BaseStrategy(BooleanRule.FALSE, BooleanRule.FALSE), 10);
    Ctx ctx = new Ctx();
    long[][] times = {
      {-60_000, -1}, {-1, 59_998}, {59_999, 119_998}, {1_700_000_000_000L, 1_700_000_299_999L}
    };
    for (long[] t : times) {
      s.onBar(Bar.of(t[0], t[1], 1, 1, 1, 1, 1), ctx);
      org.ta4j.core.Bar last = s.series().getLastBar();
      assertThat(last.getEndTime())
          .isEqualTo(Instant.ofEpochMilli(t[1] + 1).atZone(ZoneOffset.UTC));
      assertThat(last.getTimePeriod()).isEqualTo(Duration.ofMillis(t[1] + 1 - t[0]));
    }
  }

  @Test
  void aMaximumBarCountBelowOneIsRefused() {
    assertThatThrownBy(
            () ->
                Ta4jBarStrategy.longOnly(
                    series -> new BaseStrategy(BooleanRule.TRUE, BooleanRule.FALSE), 0))
        .hasMessage("maximumBarCount must be at least 1, was 0");
  }
}
