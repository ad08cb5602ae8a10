package dev.tradekit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradekit.api.error.InsufficientMarginException;
import org.junit.jupiter.api.Test;

class BatchResultTest {
  @Test
  void successCarriesValueAndFailureCarriesError() {
    BatchResult<String> ok = BatchResult.success("order-1");
    BatchResult<String> failed =
        BatchResult.failure(
            new InsufficientMarginException("sim", -2019, "margin is insufficient"));
    assertThat(ok.isSuccess()).isTrue();
    assertThat(ok.value()).isEqualTo("order-1");
    assertThat(failed.isSuccess()).isFalse();
    assertThat(failed.error().code()).isEqualTo(-2019);
    assertThatThrownBy(failed::value)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("margin is insufficient");
    assertThatThrownBy(ok::error).isInstanceOf(IllegalStateException.class);
  }
}
