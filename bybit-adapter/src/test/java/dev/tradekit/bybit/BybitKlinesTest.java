package dev.tradekit.bybit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradekit.api.model.KlineInterval;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BybitKlinesTest {
  private final BybitJson json = new BybitJson();

  @ParameterizedTest
  @CsvSource({"M1, 1", "M15, 15", "H1, 60", "H4, 240", "H12, 720", "D1, D", "W1, W", "MN1, M"})
  void intervalCodesRoundTrip(KlineInterval interval, String code) {
    assertThat(BybitKlines.code(interval)).isEqualTo(code);
    assertThat(BybitKlines.interval(code)).isEqualTo(interval);
  }

  @Test
  void intervalsBybitDoesNotOfferAreRefusedByName() {
    assertThatThrownBy(() -> BybitKlines.code(KlineInterval.H8))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("8h");
  }

  @Test
  void aConfirmedCandleIsClosed() {
    BybitWire.KlineFrame f =
        json.parse(
            BybitWire.KlineFrame.class,
            "{\"topic\":\"kline.1.ETHUSDT\",\"type\":\"snapshot\",\"ts\":1,\"data\":[{\"start\":60000,"
                + "\"end\":119999,\"interval\":\"1\",\"open\":\"10\",\"close\":\"11\",\"high\":\"12\","
                + "\"low\":\"9\",\"volume\":\"3\",\"turnover\":\"31.5\",\"confirm\":true,"
                + "\"timestamp\":120000}]}");
    List<BybitKlines.Update> u = BybitKlines.fromFrame(f);
    assertThat(u).hasSize(1);
    assertThat(u.get(0).closed()).isTrue();
    assertThat(u.get(0).kline().symbol()).isEqualTo("ETHUSDT");
    assertThat(u.get(0).kline().interval()).isEqualTo(KlineInterval.M1);
    assertThat(BybitKlines.topic("ETHUSDT", KlineInterval.M1)).isEqualTo("kline.1.ETHUSDT");
  }
}
