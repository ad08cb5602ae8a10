package dev.tradekit.samples.cli;

import dev.tradekit.copier.CopyPolicies;
import dev.tradekit.copier.CopyPolicy;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The {@code copier} command's YAML file: the venue, the leader account, the followers with their
 * policies and the journal (a SQLite file, or a PostgreSQL URL with an {@code instance} name to run
 * several instances on one journal). Account names choose the environment variables of their keys
 * ({@code alice} reads {@code ALICE_BINANCE_API_KEY}); keys in the file are refused.
 *
 * <pre>{@code
 * venue: binance-usdm
 * leader: main
 * journal: copier.db          # or jdbc:postgresql://db:5432/copier?user=tk
 * instance: node-a            # with a PostgreSQL journal: this process's name in the group
 * followers:
 *   - name: alice
 *     policy: fixed-ratio
 *     ratio: 0.5
 *   - name: bob
 *     policy: proportional-to-balance
 *     maxPositionNotional: 20000
 * }</pre>
 */
final class CopierConfig {
  private static final Set<String> KEYS =
      Set.of(
          "venue",
          "leader",
          "followers",
          "journal",
          "instance",
          "symbols",
          "restBaseUrl",
          "wsBaseUrl");
  private static final Set<String> FOLLOWER_KEYS =
      Set.of(
          "name",
          "policy",
          "ratio",
          "notional",
          "maxPositionNotional",
          "maxNotionalPerOrder",
          "slippageCap",
          "leverage");
  static final String POLICIES = "fixed-ratio, fixed-notional, proportional-to-balance";

  /** One follower: its account name and its policy. */
  record Follower(String name, CopyPolicy policy) {}

  final Path file;
  final String venue;
  final String leader;
  final List<Follower> followers;
  final String journal;
  final @Nullable String instance;
  final List<String> symbols;
  final @Nullable String restBaseUrl;
  final @Nullable String wsBaseUrl;

  private CopierConfig(Path file, Map<?, ?> map) {
    this.file = file;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      checkKey(String.valueOf(e.getKey()), KEYS, "");
    }
    this.venue = text(map, "venue", "binance-usdm");
    this.leader = name(text(map, "leader", ""), "leader");
    this.journal = JournalUrls.check(text(map, "journal", "tradekit-copier.db"), file.toString());
    String inst = optional(map, "instance");
    this.instance = inst == null ? null : instanceName(inst, file.toString());
    this.restBaseUrl = optional(map, "restBaseUrl");
    this.wsBaseUrl = optional(map, "wsBaseUrl");
    this.symbols = new ArrayList<>();
    Object s = map.get("symbols");
    if (s instanceof List<?> list) {
      list.forEach(v -> symbols.add(String.valueOf(v).trim().toUpperCase(java.util.Locale.ROOT)));
    } else if (s != null) {
      throw new UserError("'symbols' in " + file + " must be a list, e.g. symbols: [BTCUSDT]");
    }
    Object f = map.get("followers");
    if (!(f instanceof List<?> list) || list.isEmpty()) {
      throw new UserError(
          "'followers' is missing in "
              + file
              + ": add a list such as followers: [{name: alice, policy: fixed-ratio, ratio: 0.5}]");
    }
    List<Follower> out = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    names.add(leader);
    for (Object item : list) {
      if (!(item instanceof Map<?, ?> m)) {
        throw new UserError("each follower in " + file + " must be a mapping with name and policy");
      }
      Follower follower = follower(m);
      if (!names.add(follower.name())) {
        throw new UserError(
            "account '" + follower.name() + "' appears twice in " + file + ": names must differ");
      }
      out.add(follower);
    }
    this.followers = List.copyOf(out);
  }

  static CopierConfig load(Path file) {
    return new CopierConfig(file, VenueConfig.readYaml(file));
  }

  private Follower follower(Map<?, ?> m) {
    for (Object k : m.keySet()) {
      checkKey(String.valueOf(k), FOLLOWER_KEYS, "a follower's ");
    }
    String name = name(text(m, "name", ""), "follower");
    String policy = text(m, "policy", "");
    String where = "follower '" + name + "'";
    CopyPolicy p =
        switch (policy) {
          case "fixed-ratio" -> CopyPolicies.fixedRatio(positive(m, "ratio", where));
          case "fixed-notional" -> CopyPolicies.fixedNotional(positive(m, "notional", where));
          case "proportional-to-balance" -> CopyPolicies.proportionalToBalance();
          default ->
              throw new UserError(
                  "unknown policy '"
                      + policy
                      + "' of "
                      + where
                      + " in "
                      + file
                      + ": use "
                      + POLICIES);
        };
    if (m.get("maxNotionalPerOrder") != null) {
      p = p.andThen(CopyPolicies.maxNotionalPerOrder(positive(m, "maxNotionalPerOrder", where)));
    }
    if (m.get("maxPositionNotional") != null) {
      p = p.andThen(CopyPolicies.maxPositionNotional(positive(m, "maxPositionNotional", where)));
    }
    if (m.get("slippageCap") != null) {
      p = p.andThen(CopyPolicies.slippageCap(positive(m, "slippageCap", where)));
    }
    if (m.get("leverage") != null) {
      p = p.andThen(CopyPolicies.fixedLeverage(positive(m, "leverage", where).intValueExact()));
    }
    return new Follower(name, p);
  }

  private void checkKey(String key, Set<String> allowed, String whose) {
    if (VenueConfig.isSecretKey(key)) {
      throw new UserError(
          "config file "
              + file
              + " contains '"
              + key
              + "': remove it; each account's keys are read only from <NAME>_BINANCE_API_KEY and"
              + " <NAME>_BINANCE_API_SECRET in the environment or .env");
    }
    if (!allowed.contains(key)) {
      List<String> sorted = new ArrayList<>(allowed);
      sorted.sort(null);
      throw new UserError(
          "unknown key '"
              + key
              + "' in "
              + whose
              + "settings of "
              + file
              + ": allowed are "
              + String.join(", ", sorted));
    }
  }

  private String name(String value, String what) {
    return checkedName(value, "the " + what + " account name", file.toString(), "");
  }

  /** A group instance name: what {@code TradeCopier.Builder.instance} accepts. */
  static String instanceName(String value, String source) {
    return checkedName(value, "the instance name", source, " (unique in the group)");
  }

  private static String checkedName(String value, String what, String source, String note) {
    String n = value.trim();
    if (!n.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new UserError(
          what
              + " '"
              + n
              + "' in "
              + source
              + " must be 1 to 64 letters, digits, '.', '_' or '-'"
              + note);
    }
    return n;
  }

  private BigDecimal positive(Map<?, ?> m, String key, String where) {
    String v = text(m, key, "");
    try {
      BigDecimal d = new BigDecimal(v.trim());
      if (d.signum() > 0 && (!key.equals("leverage") || d.stripTrailingZeros().scale() <= 0)) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UserError(
        "'"
            + key
            + "' of "
            + where
            + " in "
            + file
            + (v.isEmpty() ? " is missing" : " must be a number > 0, was '" + v + "'")
            + ": fix it in the config file");
  }

  private static String text(Map<?, ?> m, String key, String fallback) {
    Object v = m.get(key);
    return v == null ? fallback : String.valueOf(v);
  }

  private static @Nullable String optional(Map<?, ?> m, String key) {
    Object v = m.get(key);
    return v == null ? null : String.valueOf(v);
  }
}
