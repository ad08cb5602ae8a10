package dev.tradekit.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradekit.api.book.TickScale;
import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/** {@link Trade}: the value semantics of a record, and trades made from ticks built lazily. */
class TradeTest {
  private static final TickScale TENTH = TickScale.of(new BigDecimal("0.1"));

  private static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  @Test
  void aTradeMadeFromTicksEqualsTheSameTradeMadeFromDecimals() {
    Trade eager = new Trade("BTCUSDT", "42", d("57123.4"), d("0.25"), true, 1_000L);
    Trade lazy = Trade.ofTicks("BTCUSDT", 42, 571_234, TENTH::toPrice, d("0.25"), true, 1_000L);

    assertThat(lazy).isEqualTo(eager);
    assertThat(eager).isEqualTo(lazy);
    assertThat(lazy.hashCode()).isEqualTo(eager.hashCode());
    assertThat(lazy.toString()).isEqualTo(eager.toString());
    assertThat(lazy.tradeId()).isEqualTo("42");
    assertThat(lazy.price()).isEqualTo(d("57123.4"));
    assertThat(lazy.aggressorSide()).isEqualTo(Side.SELL);
  }

  @Test
  void toStringHasTheRecordForm() {
    assertThat(new Trade("BTCUSDT", "7", d("1.5"), d("2"), false, 3L))
        .hasToString(
            "Trade[symbol=BTCUSDT, tradeId=7, price=1.5, quantity=2, buyerMaker=false, time=3]");
  }

  @Test
  void equalityComparesEveryComponentWithDecimalScale() {
    Trade t = new Trade("BTCUSDT", "1", d("100.0"), d("1"), false, 5L);
    assertThat(t).isEqualTo(new Trade("BTCUSDT", "1", d("100.0"), d("1"), false, 5L));
    assertThat(t).isNotEqualTo(new Trade("BTCUSDT", "1", d("100"), d("1"), false, 5L));
    assertThat(t).isNotEqualTo(new Trade("BTCUSDT", "2", d("100.0"), d("1"), false, 5L));
    assertThat(t).isNotEqualTo(new Trade("ETHUSDT", "1", d("100.0"), d("1"), false, 5L));
    assertThat(t).isNotEqualTo(new Trade("BTCUSDT", "1", d("100.0"), d("2"), false, 5L));
    assertThat(t).isNotEqualTo(new Trade("BTCUSDT", "1", d("100.0"), d("1"), true, 5L));
    assertThat(t).isNotEqualTo(new Trade("BTCUSDT", "1", d("100.0"), d("1"), false, 6L));
    assertThat(t).isNotEqualTo("Trade");
  }

  @Test
  void idTextAndDecimalPriceAreBuiltOnlyWhenReadAndThenOnce() {
    AtomicInteger built = new AtomicInteger();
    LongFunction<BigDecimal> counting =
        ticks -> {
          built.incrementAndGet();
          return TENTH.toPrice(ticks);
        };
    Trade t = Trade.ofTicks("BTCUSDT", 9, 15, counting, d("1"), false, 0L);

    assertThat(t.time()).isZero();
    assertThat(t.quantity()).isEqualTo(d("1"));
    assertThat(built).hasValue(0);
    BigDecimal first = t.price();
    assertThat(t.price()).isSameAs(first).isEqualTo(d("1.5"));
    assertThat(built).hasValue(1);
    assertThat(t.tradeId()).isSameAs(t.tradeId()).isEqualTo("9");
  }

  @Test
  void aTradeFromTicksIsCheckedLikeOneFromDecimals() {
    assertThatThrownBy(() -> Trade.ofTicks(" ", 1, 1, TENTH::toPrice, d("1"), false, 0L))
        .hasMessage("symbol must not be blank");
    assertThatThrownBy(() -> Trade.ofTicks("BTCUSDT", -1, 1, TENTH::toPrice, d("1"), false, 0L))
        .hasMessage("tradeId must be >= 0 but was -1");
    assertThatThrownBy(() -> Trade.ofTicks("BTCUSDT", 1, 0, TENTH::toPrice, d("1"), false, 0L))
        .hasMessage("priceTicks must be > 0 but was 0");
    assertThatThrownBy(() -> Trade.ofTicks("BTCUSDT", 1, 1, TENTH::toPrice, d("0"), false, 0L))
        .hasMessage("quantity must be > 0 but was 0");
    assertThatThrownBy(() -> Trade.ofTicks("BTCUSDT", 1, 1, TENTH::toPrice, d("1"), false, -1L))
        .hasMessage("time must be >= 0 but was -1");
    assertThatThrownBy(() -> new Trade("BTCUSDT", "", d("1"), d("1"), false, 0L))
        .hasMessage("tradeId must not be blank");
    assertThatThrownBy(() -> new Trade("BTCUSDT", "1", d("-1"), d("1"), false, 0L))
        .hasMessage("price must be > 0 but was -1");
  }
}
