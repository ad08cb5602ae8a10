package dev.tradekit.server;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Everything the control plane persists, behind one interface: one implementation ({@link
 * JdbcStore}) serves SQLite and PostgreSQL. Implementations are thread-safe. A {@code null} owner
 * in a listing means "every owner" (the admin view).
 */
interface Store extends AutoCloseable {

  record User(String id, String name, String role, String passwordHash, long createdAt) {}

  record RefreshToken(
      String hash, String family, String userId, long expiresAt, boolean used, boolean revoked) {}

  record AuditEntry(
      long id,
      long at,
      String userId,
      String userName,
      String action,
      String target,
      String address,
      String outcome) {}

  record VaultMeta(byte[] wrappedDataKey, byte[] salt, int version) {}

  record KeyRecord(
      String id,
      String owner,
      String exchange,
      String account,
      String fingerprint,
      byte[] nonce,
      byte[] ciphertext,
      long createdAt) {}

  record Bot(
      String id,
      String owner,
      String kind,
      String name,
      String configJson,
      String state,
      long createdAt,
      long updatedAt) {}

  record Event(long id, String owner, String type, String dataJson, long at) {}

  /**
   * One point of a bot's equity history: at {@code at} (epoch millis) its realised PnL (before
   * fees), unrealised PnL, fees paid and position, decimals as strings; its total PnL is {@code
   * realised - fees + unrealised}.
   */
  record EquitySample(
      String botId,
      long at,
      String realisedPnl,
      String unrealisedPnl,
      String fees,
      String position) {}

  /**
   * A user's settings for one notification channel; {@code kinds} are event wire names separated by
   * commas; {@code secretId} names the channel's secret in the vault (never the secret); {@code
   * quietHours} is {@code HH:mm-HH:mm Zone} (e.g. {@code 22:00-07:00 Europe/Paris}) or null.
   */
  /**
   * A backtest or grid-search job: {@code state} is {@code queued}, {@code running}, {@code done},
   * {@code failed} or {@code cancelled}; {@code summaryJson} holds the headline figures once done.
   */
  record Job(
      String id,
      String owner,
      String kind,
      String name,
      String requestJson,
      String state,
      double progress,
      long createdAt,
      long startedAt,
      long finishedAt,
      @Nullable String summaryJson,
      @Nullable String error) {
    Job with(String newState, double newProgress, long started, long finished) {
      return new Job(
          id,
          owner,
          kind,
          name,
          requestJson,
          newState,
          newProgress,
          createdAt,
          started,
          finished,
          summaryJson,
          error);
    }

    Job ended(String newState, long finished, @Nullable String summary, @Nullable String why) {
      return new Job(
          id,
          owner,
          kind,
          name,
          requestJson,
          newState,
          newState.equals("done") ? 1.0 : progress,
          createdAt,
          startedAt,
          finished,
          summary,
          why);
    }
  }

  record NotifyChannel(
      String userId,
      String channel,
      String address,
      String kinds,
      String minSeverity,
      boolean silent,
      @Nullable String secretId,
      @Nullable String quietHours,
      long updatedAt) {}

  /** Work done inside one store transaction, given the transaction's connection. */
  @FunctionalInterface
  interface TxWork<T> {
    T run(java.sql.Connection transaction) throws java.sql.SQLException;
  }

  /**
   * Runs {@code work} in one transaction: the store's own methods called from {@code work} (on the
   * same thread) join it, and so does whatever {@code work} writes on the connection it is given
   * (the notification outbox). Commits when {@code work} returns; rolls everything back when it
   * throws. A call from inside {@code work} joins the outer transaction.
   *
   * @throws IllegalStateException wrapping an {@link java.sql.SQLException}; a runtime exception of
   *     {@code work} is rethrown as is
   */
  <T> T inTransaction(TxWork<T> work);

  // users
  void insertUser(User user);

  Optional<User> userByName(String name);

  Optional<User> user(String id);

  List<User> users();

  long countUsers();

  // refresh tokens
  void insertRefresh(RefreshToken token);

  Optional<RefreshToken> refresh(String hash);

  /** Marks a token used; true only for the one caller that found it unused and unrevoked. */
  boolean spendRefresh(String hash);

  void revokeFamily(String family);

  void revokeUserTokens(String userId);

  // audit
  void appendAudit(AuditEntry entry);

  List<AuditEntry> audit(@Nullable String userId, int limit);

  // vault
  Optional<VaultMeta> vaultMeta();

  void putVaultMeta(VaultMeta meta);

  void insertKey(KeyRecord key);

  Optional<KeyRecord> key(String id);

  List<KeyRecord> keys(@Nullable String owner);

  boolean deleteKey(String id);

  // bots
  void insertBot(Bot bot);

  void updateBot(Bot bot);

  Optional<Bot> bot(String id);

  List<Bot> bots(@Nullable String owner);

  /** Removes a bot and its equity history; true if the bot existed. */
  boolean deleteBot(String id);

  // equity history
  /**
   * Appends a sample to its bot's equity history and deletes that bot's samples beyond the newest
   * {@code keep}.
   */
  void appendEquity(EquitySample sample, int keep);

  /** The bot's samples taken from {@code from} to {@code to} (inclusive), oldest first. */
  List<EquitySample> equity(String botId, long from, long to, int limit);

  // events
  long appendEvent(String owner, String type, String dataJson, long at);

  /** Events with an id above {@code afterId}, oldest first; {@code owner == null}: every owner. */
  List<Event> eventsAfter(@Nullable String owner, long afterId, int limit);

  /** Keeps the newest {@code keep} events and deletes the rest; returns how many were deleted. */
  int pruneEvents(int keep);

  // notification channels
  /** Inserts or replaces the user's settings for the channel. */
  void putNotifyChannel(NotifyChannel channel);

  Optional<NotifyChannel> notifyChannel(String userId, String channel);

  List<NotifyChannel> notifyChannels(String userId);

  boolean deleteNotifyChannel(String userId, String channel);

  // ---- backtest jobs

  void insertJob(Job job);

  /** Writes a job's state, progress, times, summary and error. */
  void updateJob(Job job);

  Optional<Job> job(String id);

  /** Jobs newest first; {@code owner == null} lists every user's. */
  List<Job> jobs(@Nullable String owner, int limit);

  /** Stores a finished job's JSON result and HTML report. */
  void putJobResult(String id, String resultJson, String reportHtml);

  /** A finished job's JSON result. */
  Optional<String> jobResult(String id);

  /** A finished job's HTML report. */
  Optional<String> jobReport(String id);

  /** Removes a job and its result; true if it existed. */
  boolean deleteJob(String id);

  /**
   * Removes {@code owner}'s finished jobs (done, failed, cancelled) beyond the newest {@code keep}
   * of them, with their results; queued and running jobs are never touched. Returns how many went.
   */
  int pruneJobs(String owner, int keep);

  /**
   * Marks every queued or running job failed with {@code error} (the server stopped under them);
   * returns how many.
   */
  int failUnfinishedJobs(long at, String error);

  @Override
  void close();
}
