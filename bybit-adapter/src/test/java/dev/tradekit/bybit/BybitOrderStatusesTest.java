package dev.tradekit.bybit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradekit.api.model.OrderStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BybitOrderStatusesTest {
  @ParameterizedTest(name = "{0} with cumExecQty {1} is {2}")
  @CsvSource({
    "New, 0, NEW",
    "Created, 0, NEW",
    "Untriggered, 0, NEW",
    "Triggered, 0, TRIGGERED",
    "PartiallyFilled, 0.004, PARTIALLY_FILLED",
    "Filled, 0.010, FILLED",
    "Cancelled, 0, CANCELED",
    "Cancelled, 0.004, CANCELED",
    "PartiallyFilledCanceled, 0.004, CANCELED",
    "Deactivated, 0, CANCELED",
    "Rejected, 0, REJECTED",
    "Rejected, '', REJECTED",
    "Rejected, 50, CANCELED",
  })
  void mapsEveryDocumentedOrderStatus(String venue, String cumExecQty, OrderStatus expected) {
    assertThat(BybitOrderStatuses.map(venue, cumExecQty)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"Active", "new", "''"})
  void rejectsAStatusBybitDoesNotDocument(String venue) {
    assertThatThrownBy(() -> BybitOrderStatuses.map(venue, "0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("orderStatus");
  }
}
