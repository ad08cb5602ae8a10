package dev.tradekit.scanner;

import static dev.tradekit.scanner.JsonTest.obj;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.Exchange;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on the simulator in virtual time: walls are found by the primary scan,
 * re-checked by the observer, promoted to the hot pool after the promotion age, followed through
 * the venue's book stream (or REST polling), published per tier, and the hot pool survives a
 * restart.
 */
class SimWallLifecycleIT {
  private static final long T0 = Instant.parse("2024-01-03T14:00:00Z").toEpochMilli();
  private static final List<String> SYMBOLS =
      List.of("AAAUSDT", "BBBUSDT", "CCCUSDT", "DDDUSDT", "EEEUSDT");
  private static final long DIAMOND_WALL = 988; // bid 98.8, level 12: ratio 10 -> S 0.76
  private static final long GOLD_WALL = 1012; // ask 101.2, level 12: ratio 5 -> S 0.51

  @TempDir Path dir;
  private HandDrivenMarket market;
  private final Map<FeedTier, List<Long>> times = new java.util.EnumMap<>(FeedTier.class);
  private final Map<FeedTier, List<Map<String, Object>>> docs =
      new java.util.EnumMap<>(FeedTier.class);

  @BeforeEach
  void market() {
    market = new HandDrivenMarket(T0, SYMBOLS, Duration.ofMillis(500));
    market.wall("BBBUSDT", DIAMOND_WALL, 100);
    market.wall("DDDUSDT", GOLD_WALL, 50);
  }

  private Scanner scanner(Exchange ex) {
    return Scanner.builder()
        .exchange(ex)
        .scheduler(market.clock)
        .minUsd(1_000)
        .algorithm(WeightAlgorithm.of("size", ScoringInput::sizeFactor))
        .privateTokens(Set.of("tok"))
        .vipKeys(Set.of("vip"))
        .hotPoolStore(HotPoolStore.jsonFile(dir.resolve("hot.json")))
        .build();
  }

  private void subscribe(Scanner s) {
    for (FeedTier tier : FeedTier.values()) {
      times.put(tier, new ArrayList<>());
      docs.put(tier, new ArrayList<>());
      String credential = tier == FeedTier.PRIVATE ? "tok" : tier == FeedTier.VIP ? "vip" : "";
      s.feed()
          .subscribe(
              tier,
              credential,
              json -> {
                t(tier).add(market.clock.currentTimeMillis());
                d(tier).add(obj(JsonTest.parse(json)));
                return true;
              });
    }
  }

  private List<Long> t(FeedTier tier) {
    return java.util.Objects.requireNonNull(times.get(tier));
  }

  private List<Map<String, Object>> d(FeedTier tier) {
    return java.util.Objects.requireNonNull(docs.get(tier));
  }

  private List<String> reasons(FeedTier tier) {
    return d(tier).stream()
        .map(d -> d.get("symbol") + " " + JsonTest.arr(d.get("reasons")))
        .toList();
  }

  private void advanceTo(long millisFromStart) {
    market.clock.advanceTo(T0 + millisFromStart);
  }

  @Test
  void aWallSurvivesIntoTheHotPoolAndIsPublishedPerTier() {
    LimitedExchange ex = new LimitedExchange(market.account("scanner"), market.clock, 2400, true);
    Scanner scanner = scanner(ex);
    subscribe(scanner);
    scanner.start();
    advanceTo(2_000);
    System.out.println(
        scanner.metrics()
            + " "
            + scanner.health()
            + " "
            + reasons(FeedTier.PRIVATE)
            + ex.depthCalls);
    assertThat(scanner.candidates())
        .extracting(LargeOrder::symbol)
        .containsExactlyInAnyOrder("BBBUSDT", "DDDUSDT");
    assertThat(reasons(FeedTier.PRIVATE))
        .containsExactlyInAnyOrder("BBBUSDT [DETECTED]", "DDDUSDT [DETECTED]");
    assertThat(d(FeedTier.VIP)).isEmpty();
    LargeOrder diamond =
        scanner.candidates().stream().filter(o -> o.symbol().equals("BBBUSDT")).findFirst().get();

    advanceTo(65_000); // the re-check at 60 s found them 59.9 s old: not yet
    assertThat(scanner.hotOrders()).isEmpty();
    advanceTo(71_000); // the re-check at 70 s promotes both
    assertThat(scanner.hotOrders())
        .extracting(LargeOrder::symbol)
        .containsExactlyInAnyOrder("BBBUSDT", "DDDUSDT");
    LargeOrder hot =
        scanner.hotOrders().stream().filter(o -> o.symbol().equals("BBBUSDT")).findFirst().get();
    assertThat(hot.id()).isEqualTo(diamond.id());
    assertThat(hot.firstSeen()).isEqualTo(diamond.firstSeen());

    List<Long> vip = t(FeedTier.VIP);
    assertThat(reasons(FeedTier.VIP))
        .containsExactlyInAnyOrder("BBBUSDT [ENTERED_HOT]", "DDDUSDT [ENTERED_HOT]");
    assertThat(d(FeedTier.VIP))
        .extracting(d -> d.get("symbol") + " " + d.get("category"))
        .containsExactlyInAnyOrder("BBBUSDT DIAMOND", "DDDUSDT GOLD");
    assertThat(t(FeedTier.PRIVATE).subList(2, 4)).isEqualTo(vip); // at once, both tiers
    assertThat(d(FeedTier.PUBLIC)).isEmpty(); // the delay has not passed
    advanceTo(80_000);
    assertThat(reasons(FeedTier.PUBLIC)).containsExactly("BBBUSDT [ENTERED_HOT]");
    long vipDiamond = vip.get(reasons(FeedTier.VIP).indexOf("BBBUSDT [ENTERED_HOT]"));
    assertThat(t(FeedTier.PUBLIC)).containsExactly(vipDiamond + 5_000);
    assertThat(ex.streamsFollowed()).isTrue();

    market.removeWall("BBBUSDT", DIAMOND_WALL);
    advanceTo(81_000);
    assertThat(reasons(FeedTier.VIP)).contains("BBBUSDT [LEFT_HOT]");
    Map<String, Object> left = d(FeedTier.VIP).get(d(FeedTier.VIP).size() - 1);
    assertThat(obj(left.get("analytics")).get("outcome")).isEqualTo("PULLED");
    assertThat(scanner.hotOrders()).extracting(LargeOrder::symbol).containsExactly("DDDUSDT");
    advanceTo(90_000);
    assertThat(reasons(FeedTier.PUBLIC))
        .containsExactly("BBBUSDT [ENTERED_HOT]", "BBBUSDT [LEFT_HOT]");

    ScannerMetrics m = scanner.metrics();
    assertThat(m.hotOrders()).isEqualTo(1);
    assertThat(m.diamondOrdersLastHour()).isEqualTo(1);
    assertThat(m.scansCompleted()).isEqualTo(1);
    assertThat(m.failedCallsLastMinute()).isZero();
    assertThat(ex.rejections).isZero();
    assertThat(scanner.health().status()).isEqualTo(Health.Status.UP);
    scanner.close();
    assertThat(scanner.health().status()).isEqualTo(Health.Status.DOWN);
  }

  @Test
  void theHotPoolSurvivesARestartWithItsIdentity() {
    Exchange ex = market.account("scanner");
    Scanner first = scanner(ex);
    first.start();
    advanceTo(71_000);
    List<LargeOrder> hot = first.hotOrders();
    assertThat(hot).hasSize(2);
    first.close();
    assertThat(dir.resolve("hot.json")).exists();

    advanceTo(75_000);
    Scanner second = scanner(ex);
    subscribe(second);
    second.start();
    advanceTo(75_200);
    assertThat(second.hotOrders())
        .extracting(LargeOrder::id, LargeOrder::firstSeen)
        .containsExactlyInAnyOrderElementsOf(
            hot.stream()
                .map(o -> org.assertj.core.groups.Tuple.tuple(o.id(), o.firstSeen()))
                .toList());
    assertThat(reasons(FeedTier.VIP))
        .containsExactlyInAnyOrder("BBBUSDT [ENTERED_HOT]", "DDDUSDT [ENTERED_HOT]");
    assertThat(d(FeedTier.VIP))
        .allSatisfy(doc -> assertThat((Double) doc.get("lifetimeSeconds")).isGreaterThan(70.0));
    market.removeWall("DDDUSDT", GOLD_WALL);
    advanceTo(76_000);
    assertThat(second.hotOrders()).extracting(LargeOrder::symbol).containsExactly("BBBUSDT");
    assertThat(reasons(FeedTier.VIP)).contains("DDDUSDT [LEFT_HOT]");
    second.close();
  }

  @Test
  void withoutALocalBookTheHotPoolPollsEveryHalfSecond() {
    LimitedExchange ex = new LimitedExchange(market.account("scanner"), market.clock, 2400, false);
    Scanner scanner = scanner(ex);
    scanner.start();
    advanceTo(71_000);
    assertThat(scanner.hotOrders()).hasSize(2);
    int before = ex.depthCalls.size();
    advanceTo(81_000);
    List<Long> polls =
        ex.depthCalls.subList(before, ex.depthCalls.size()).stream()
            .filter(c -> c.startsWith("BBBUSDT@"))
            .map(c -> Long.parseLong(c.substring(c.indexOf('@') + 1)))
            .toList();
    assertThat(polls).hasSize(20); // 10 s at one poll per 0.5 s
    for (int i = 1; i < polls.size(); i++) {
      assertThat(polls.get(i) - polls.get(i - 1)).isGreaterThanOrEqualTo(500);
    }
    market.removeWall("BBBUSDT", DIAMOND_WALL);
    advanceTo(82_000);
    assertThat(scanner.hotOrders()).extracting(LargeOrder::symbol).containsExactly("DDDUSDT");
    assertThat(ex.rejections).isZero();
    scanner.close();
  }
}
