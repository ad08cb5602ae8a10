package dev.tradekit.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EndpointWeightsTest {
  @ParameterizedTest(name = "depth limit {0} weighs {1}")
  @CsvSource({"5,2", "10,2", "20,2", "50,2", "100,5", "500,10", "1000,20"})
  void depthWeightFollowsTheLimit(int limit, int weight) {
    assertThat(EndpointWeights.depthWeight(limit)).isEqualTo(weight);
  }

  @Test
  void depthLimitOutsideTheVenueRangeIsRejected() {
    assertThatThrownBy(() -> EndpointWeights.depthWeight(1001))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1001");
  }

  @Test
  void weightsDependOnWhetherASymbolIsGiven() {
    assertThat(EndpointWeights.TICKER_24H.weight(true)).isEqualTo(1);
    assertThat(EndpointWeights.TICKER_24H.weight(false)).isEqualTo(40);
    assertThat(EndpointWeights.BOOK_TICKER.weight(false)).isEqualTo(5);
    assertThat(EndpointWeights.OPEN_ORDERS.weight(false)).isEqualTo(40);
  }

  @Test
  void ordersCostNoIpWeightButCountAgainstOrderLimits() {
    EndpointWeights place = Objects.requireNonNull(EndpointWeights.find("post", "/fapi/v1/order"));
    assertThat(place).isEqualTo(EndpointWeights.NEW_ORDER);
    assertThat(place.weight(true)).isZero();
    assertThat(place.orderCount()).isEqualTo(1);
    assertThat(EndpointWeights.NEW_BATCH_ORDERS.orderCount()).isEqualTo(5);
    assertThat(EndpointWeights.find("DELETE", "/fapi/v1/order"))
        .isEqualTo(EndpointWeights.CANCEL_ORDER);
    assertThat(EndpointWeights.find("GET", "/fapi/v1/nothing")).isNull();
  }
}
