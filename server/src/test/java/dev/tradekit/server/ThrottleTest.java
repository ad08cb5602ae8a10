package dev.tradekit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ThrottleTest {
  private final Throttle throttle = new Throttle(3, 5, 60_000);

  @Test
  void refusesAUserAfterThreeFailuresUntilTheWindowPasses() {
    for (int i = 0; i < 3; i++) {
      throttle.check("bob", "10.0.0.1", 1_000 + i);
      throttle.fail("bob", "10.0.0.1", 1_000 + i);
    }
    assertThatThrownBy(() -> throttle.check("bob", "10.0.0.2", 2_000))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status).isEqualTo(429);
              assertThat(e.headers).containsEntry("Retry-After", "59");
            });
    assertThatCode(() -> throttle.check("bob", "10.0.0.2", 61_000)).doesNotThrowAnyException();
  }

  @Test
  void refusesAnAddressThatTriesManyNames() {
    for (int i = 0; i < 5; i++) {
      throttle.fail("user" + i, "10.0.0.9", 1_000);
    }
    assertThatThrownBy(() -> throttle.check("fresh", "10.0.0.9", 1_500))
        .isInstanceOf(ApiException.class);
    assertThatCode(() -> throttle.check("fresh", "10.0.0.8", 1_500)).doesNotThrowAnyException();
  }

  @Test
  void successClearsTheUsersCount() {
    throttle.fail("carol", "a", 1);
    throttle.fail("carol", "b", 2);
    throttle.succeed("carol");
    throttle.fail("carol", "c", 3);
    throttle.fail("carol", "d", 4);
    assertThatCode(() -> throttle.check("carol", "e", 5)).doesNotThrowAnyException();
  }
}
