package dev.tradekit.copier.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientOrderIdsTest {

  @Test
  void isDeterministicAndWithinTheVenueRule() {
    String id = ClientOrderIds.forCopy("BTCUSDT", "123456789", "alice", 0);
    assertThat(id).isEqualTo(ClientOrderIds.forCopy("BTCUSDT", "123456789", "alice", 0));
    assertThat(id).hasSize(28).startsWith("tkc").matches("^[.A-Z:/a-z0-9_-]{1,36}$");
  }

  @Test
  void differsByFillFollowerLegAndSymbol() {
    Set<String> ids = new HashSet<>();
    ids.add(ClientOrderIds.forCopy("BTCUSDT", "1", "alice", 0));
    ids.add(ClientOrderIds.forCopy("BTCUSDT", "1", "alice", 1));
    ids.add(ClientOrderIds.forCopy("BTCUSDT", "1", "bob", 0));
    ids.add(ClientOrderIds.forCopy("BTCUSDT", "2", "alice", 0));
    ids.add(ClientOrderIds.forCopy("ETHUSDT", "1", "alice", 0));
    // separators keep ("AB","C") apart from ("A","BC")
    ids.add(ClientOrderIds.forCopy("BTCUSDT", "11", "alice", 0));
    ids.add(ClientOrderIds.forCopy("BTCUSDT1", "1", "alice", 0));
    assertThat(ids).hasSize(7);
  }

  @Test
  void hasNoCollisionsOverManyCopies() {
    Set<String> ids = new HashSet<>();
    for (int trade = 0; trade < 20_000; trade++) {
      for (int f = 0; f < 5; f++) {
        String id = ClientOrderIds.forCopy("BTCUSDT", Integer.toString(trade), "f" + f, 0);
        assertThat(id).hasSize(ClientOrderIds.LENGTH);
        ids.add(id);
      }
    }
    assertThat(ids).hasSize(100_000);
  }
}
