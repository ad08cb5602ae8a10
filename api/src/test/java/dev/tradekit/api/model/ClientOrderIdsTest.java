package dev.tradekit.api.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The char-by-char client id check accepts exactly what Binance's rule (the regex) accepts. */
class ClientOrderIdsTest {
  private static final Pattern RULE = Pattern.compile(ClientOrderIds.RULE);

  @Test
  void everyCharAndLengthIsJudgedAsTheRegexJudgesIt() {
    for (char c = 0; c < 512; c++) {
      String one = String.valueOf(c);
      assertThat(ClientOrderIds.valid(one)).as("char %d", (int) c).isEqualTo(matches(one));
      String inside = "ab" + c + "cd";
      assertThat(ClientOrderIds.valid(inside)).as("inside %d", (int) c).isEqualTo(matches(inside));
    }
    for (int n = 0; n <= 40; n++) {
      String id = "a".repeat(n);
      assertThat(ClientOrderIds.valid(id)).as("length %d", n).isEqualTo(matches(id));
    }
    assertThat(ClientOrderIds.valid("bench-1a2b\n")).isFalse().isEqualTo(matches("bench-1a2b\n"));
    SplittableRandom random = new SplittableRandom(5);
    String alphabet = "aZ09.:/_-\n $+é";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder b = new StringBuilder();
      for (int k = random.nextInt(40); k > 0; k--) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String id = b.toString();
      assertThat(ClientOrderIds.valid(id)).as("'%s'", id).isEqualTo(matches(id));
    }
  }

  private static boolean matches(String id) {
    return RULE.matcher(id).matches();
  }
}
