package dev.tradekit.server;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Bot definitions by kind: which fields each engine's configuration has and what each must be.
 * Validation returns the normalised configuration (decimals as plain strings) or throws a 400
 * naming the field.
 */
final class BotSpecs {
  static final List<String> KINDS = List.of("copier", "market-maker", "grid", "dca", "scanner");

  /** The venues a key and a bot may name; each opens on its testnet unless configured otherwise. */
  static final List<String> PROVIDERS = List.of("sim", "binance-usdm", "bybit-linear");

  private static final BigDecimal MAX_QTY = new BigDecimal("1000000");
  private static final BigDecimal MAX_PRICE = new BigDecimal("100000000");

  private BotSpecs() {}

  /**
   * Validates a configuration for {@code kind}.
   *
   * @param ownsKey whether a key id names one of the owner's vault keys
   */
  static Map<String, Object> validate(String kind, Fields c, Predicate<String> ownsKey) {
    Map<String, Object> out = new LinkedHashMap<>();
    switch (kind) {
      case "copier" -> {
        c.only("followers", "journal", "instance");
        journal(c, out);
        List<Map<String, Object>> followers = new ArrayList<>();
        for (Fields f : c.objects("followers", 1, 50)) {
          Map<String, Object> fo = follower(f, ownsKey);
          if (followers.stream()
              .anyMatch(o -> String.valueOf(o.get("keyId")).equals(fo.get("keyId")))) {
            throw ApiException.invalid(f.path("keyId"), "must differ from every other follower's");
          }
          followers.add(fo);
        }
        out.put("followers", followers);
      }
      case "market-maker" -> {
        c.only("symbol", "strategy", "parameters", "risk");
        out.put("symbol", c.symbol("symbol"));
        String strategy = c.oneOf("strategy", "fixed-spread", "ladder", "avellaneda-stoikov");
        out.put("strategy", strategy);
        Fields p = c.object("parameters");
        out.put("parameters", marketMakerParameters(strategy, p));
        if (c.has("risk")) {
          out.put("risk", marketMakerRisk(c.object("risk")));
        }
      }
      case "grid" -> {
        c.only("symbol", "lower", "upper", "levels", "quantity");
        out.put("symbol", c.symbol("symbol"));
        BigDecimal lower = c.positiveDecimal("lower", MAX_PRICE);
        BigDecimal upper = c.positiveDecimal("upper", MAX_PRICE);
        if (upper.compareTo(lower) <= 0) {
          throw ApiException.invalid(c.path("upper"), "must be greater than lower");
        }
        out.put("lower", lower.toPlainString());
        out.put("upper", upper.toPlainString());
        out.put("levels", c.integer("levels", 2, 200));
        out.put("quantity", c.positiveDecimal("quantity", MAX_QTY).toPlainString());
      }
      case "dca" -> {
        c.only("symbol", "side", "quantity", "steps", "stepPercent", "takeProfitPercent");
        out.put("symbol", c.symbol("symbol"));
        out.put("side", c.oneOf("side", "BUY", "SELL"));
        out.put("quantity", c.positiveDecimal("quantity", MAX_QTY).toPlainString());
        out.put("steps", c.integer("steps", 1, 100));
        out.put("stepPercent", c.number("stepPercent", 0.01, 50));
        if (c.has("takeProfitPercent")) {
          out.put("takeProfitPercent", c.number("takeProfitPercent", 0.01, 100));
        }
      }
      case "scanner" -> {
        c.only("symbols", "minNotional", "promotionSeconds");
        out.put("symbols", c.symbols("symbols", 500));
        out.put("minNotional", c.positiveDecimal("minNotional", MAX_PRICE).toPlainString());
        if (c.has("promotionSeconds")) {
          out.put("promotionSeconds", c.integer("promotionSeconds", 1, 3600));
        }
      }
      default -> throw ApiException.invalid("kind", "must be one of " + KINDS);
    }
    return out;
  }

  /**
   * A copier's optional journal and instance name: a SQLite file name in the control plane's
   * journal folder, or a PostgreSQL URL (required for an instance in a group) that must not carry a
   * password, as bot configurations are stored and shown.
   */
  static void journal(Fields c, Map<String, Object> out) {
    String journal = c.has("journal") ? c.string("journal", 500).trim() : null;
    if (journal != null) {
      if (journal.startsWith("jdbc:")) {
        if (!journal.startsWith("jdbc:postgresql://")) {
          throw ApiException.invalid(
              c.path("journal"),
              "must be jdbc:postgresql://host:5432/db?user=.. or a SQLite file name such as"
                  + " copier-a.db");
        }
        if (journal
            .toLowerCase(java.util.Locale.ROOT)
            .matches(".*[?&;]password=.*|.*//[^/@]*@.*")) {
          throw ApiException.invalid(
              c.path("journal"),
              "must not contain a password (bot configurations are stored and shown): give the"
                  + " server's database user access or use the server's ~/.pgpass");
        }
      } else if (!journal.matches("[A-Za-z0-9._-]{1,100}\\.db") || journal.startsWith(".")) {
        throw ApiException.invalid(
            c.path("journal"),
            "must be a SQLite file name in the journal folder (letters, digits, . _ -, ending in"
                + " .db) or jdbc:postgresql://host:5432/db?user=..");
      }
      out.put("journal", journal);
    }
    if (c.has("instance")) {
      String instance = c.string("instance", 64).trim();
      if (!instance.matches("[A-Za-z0-9._-]{1,64}")) {
        throw ApiException.invalid(
            c.path("instance"), "must be 1 to 64 letters, digits, '.', '_' or '-'");
      }
      if (journal == null || !journal.startsWith("jdbc:postgresql://")) {
        throw ApiException.invalid(
            c.path("instance"),
            "needs a journal on PostgreSQL shared by the group: set journal to"
                + " jdbc:postgresql://host:5432/db?user=..");
      }
      out.put("instance", instance);
    }
  }

  /** One copier follower: its key, its policy and whether it starts paused. */
  static Map<String, Object> follower(Fields f, Predicate<String> ownsKey) {
    f.only("keyId", "policy", "paused");
    String keyId = f.string("keyId", 64);
    if (!ownsKey.test(keyId)) {
      throw ApiException.invalid(f.path("keyId"), "must name one of your vault keys");
    }
    Fields p = f.object("policy");
    Map<String, Object> policy = new LinkedHashMap<>();
    String mode = p.oneOf("mode", "ratio", "fixed");
    policy.put("mode", mode);
    if (mode.equals("ratio")) {
      p.only("mode", "ratio", "maxQuantity");
      policy.put("ratio", p.positiveDecimal("ratio", new BigDecimal("100")).toPlainString());
    } else {
      p.only("mode", "quantity", "maxQuantity");
      policy.put("quantity", p.positiveDecimal("quantity", MAX_QTY).toPlainString());
    }
    if (p.has("maxQuantity")) {
      policy.put("maxQuantity", p.positiveDecimal("maxQuantity", MAX_QTY).toPlainString());
    }
    Map<String, Object> fo = new LinkedHashMap<>();
    fo.put("keyId", keyId);
    fo.put("policy", policy);
    fo.put("paused", f.has("paused") && f.bool("paused"));
    return fo;
  }

  /**
   * A market maker's optional hard and soft limits: {@code maxPosition} (base units), {@code
   * maxLoss} (margin asset, stops the bot), {@code maxOpenOrders}.
   */
  static Map<String, Object> marketMakerRisk(Fields r) {
    r.only("maxPosition", "maxLoss", "maxOpenOrders");
    Map<String, Object> out = new LinkedHashMap<>();
    if (r.has("maxPosition")) {
      out.put("maxPosition", r.positiveDecimal("maxPosition", MAX_QTY).toPlainString());
    }
    if (r.has("maxLoss")) {
      out.put("maxLoss", r.positiveDecimal("maxLoss", MAX_PRICE).toPlainString());
    }
    if (r.has("maxOpenOrders")) {
      out.put("maxOpenOrders", r.integer("maxOpenOrders", 1, 200));
    }
    return out;
  }

  /** Market-maker parameters: the ones that may change while the bot runs. */
  static Map<String, Object> marketMakerParameters(String strategy, Fields p) {
    Map<String, Object> out = new LinkedHashMap<>();
    switch (strategy) {
      case "fixed-spread" -> {
        p.only("spreadBps", "quantity");
        out.put("spreadBps", p.number("spreadBps", 0.1, 10_000));
        out.put("quantity", p.positiveDecimal("quantity", MAX_QTY).toPlainString());
      }
      case "ladder" -> {
        p.only("spreadBps", "quantity", "levels", "stepBps");
        out.put("spreadBps", p.number("spreadBps", 0.1, 10_000));
        out.put("quantity", p.positiveDecimal("quantity", MAX_QTY).toPlainString());
        out.put("levels", p.integer("levels", 1, 50));
        out.put("stepBps", p.number("stepBps", 0.1, 10_000));
      }
      default -> {
        p.only("gamma", "kappa", "quantity", "horizonSeconds");
        out.put("gamma", p.number("gamma", 1e-6, 100));
        out.put("kappa", p.number("kappa", 1e-6, 1e6));
        out.put("quantity", p.positiveDecimal("quantity", MAX_QTY).toPlainString());
        out.put("horizonSeconds", p.integer("horizonSeconds", 1, 86_400));
      }
    }
    return out;
  }
}
