package dev.tradekit.copier;

import dev.tradekit.api.model.PositionSide;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The copier's durable memory: every leader fill and, per follower, every intended copy, written
 * before the copy is sent. Read it to audit what was copied; the copier writes it.
 *
 * <pre>{@code
 * try (CopyJournal journal = CopyJournals.sqlite(Path.of("copier.db"))) {
 *   TradeCopier copier = TradeCopier.builder().journal(journal)...build();
 *   journal.history(HistoryQuery.builder().status(CopyStatus.FAILED).build())
 *       .forEach(r -> System.out.println(r.follower() + ": " + r.reason()));
 *   journal.exportCsv(HistoryQuery.ALL, Files.newBufferedWriter(Path.of("copies.csv")));
 * }
 * }</pre>
 *
 * <p>Only the backends of {@link CopyJournals} can be given to a copier. Every method is
 * thread-safe. The journal holds no credentials. The caller owns it: stopping a copier does not
 * close its journal.
 */
public interface CopyJournal extends AutoCloseable {

  /** The newest {@code limit} copies (1 to {@value HistoryQuery#MAX_LIMIT}), newest first. */
  List<CopyRecord> recent(int limit);

  /** One page of the copies that pass the query's filters, newest first. */
  List<CopyRecord> history(HistoryQuery query);

  /** How many copies pass the query's filters (paging ignored). */
  long count(HistoryQuery query);

  /** The copy with this client order id, if journaled. */
  Optional<CopyRecord> byClientOrderId(String clientOrderId);

  /** Leader fills and copy outcomes per symbol, by symbol name. */
  List<SymbolStats> symbolStats();

  /**
   * The follower's position built by its copies in one symbol and leader position side (signed:
   * long > 0); what reductions and closes take their fraction of.
   */
  BigDecimal copiedPosition(String follower, String symbol, PositionSide leaderPositionSide);

  /**
   * The follower's exact target position in one symbol and leader position side (signed, not
   * rounded to its lot): what its copies aim at. The copied position stays within one lot of it,
   * toward zero.
   */
  BigDecimal targetPosition(String follower, String symbol, PositionSide leaderPositionSide);

  /** The copier's start point (epoch millis; earlier leader fills are never copied), once set. */
  OptionalLong startPoint();

  /**
   * Writes every copy that passes the query's filters (its paging ignored), newest first, as CSV
   * with a header row; fields are quoted where needed (RFC 4180).
   */
  void exportCsv(HistoryQuery query, Appendable out) throws IOException;

  /** Releases the backend (the database connection); idempotent. */
  @Override
  void close();
}
