package dev.tradekit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignInLinksTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final SignInLinks links = new SignInLinks(clock);

  @Test
  void aLinkSignsItsUserInOnceOnly() {
    String token = links.issue("usr_a", Duration.ofMinutes(10));
    String other = links.issue("usr_b", Duration.ofMinutes(10));
    assertThat(links.redeem(token)).isEqualTo("usr_a");
    assertThat(links.redeem(token)).isNull();
    assertThat(links.redeem(other)).isEqualTo("usr_b");
    assertThat(links.pendingCount()).isZero();
  }

  @Test
  void anExpiredLinkIsRefusedAndSpent() {
    String token = links.issue("usr_a", Duration.ofMinutes(10));
    clock.advance(Duration.ofMinutes(10));
    assertThat(links.redeem(token)).isNull();
    String late = links.issue("usr_a", Duration.ofMinutes(10));
    clock.advance(Duration.ofMinutes(9));
    assertThat(links.redeem(late + "x")).isNull();
    assertThat(links.redeem(late)).isEqualTo("usr_a");
  }

  @Test
  void tokensAreLongRandomAndLifetimesBounded() {
    String a = links.issue("usr_a", Duration.ofMinutes(1));
    String b = links.issue("usr_a", Duration.ofMinutes(1));
    assertThat(a).hasSize(43).isNotEqualTo(b);
    assertThatThrownBy(() -> links.issue("usr_a", Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> links.issue("usr_a", Duration.ofHours(25)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void atMostAHundredLinksWaitTheOldestGoesFirst() {
    String first = links.issue("usr_a", Duration.ofMinutes(5));
    for (int i = 0; i < SignInLinks.MAX_PENDING; i++) {
      links.issue("usr_b", Duration.ofMinutes(5));
    }
    assertThat(links.pendingCount()).isEqualTo(SignInLinks.MAX_PENDING);
    assertThat(links.redeem(first)).isNull();
  }
}
