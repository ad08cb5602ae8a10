package dev.tradekit.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@link Store} on plain JDBC: SQLite (one file, WAL) or PostgreSQL, the same SQL on both but
 * for the column types {@link JdbcSchema} swaps per dialect. Versioned migrations run at open; one
 * connection guarded by this object's monitor (the control plane's write rate is low, and SQLite
 * has one writer anyway). This facade delegates to one row class per table group, all sharing one
 * {@link Jdbc} (the connection and this lock): {@link JdbcUsers}, {@link JdbcVault}, {@link
 * JdbcBots}, {@link JdbcEquity}, {@link JdbcEvents}, {@link JdbcNotify}, {@link JdbcJobs}.
 */
final class JdbcStore implements Store {
  private final Jdbc jdbc;
  private final JdbcUsers users;
  private final JdbcVault vault;
  private final JdbcBots bots;
  private final JdbcEquity equity;
  private final JdbcEvents events;
  private final JdbcNotify channels;
  private final JdbcJobs jobs;

  JdbcStore(Connection connection, JdbcSchema.Dialect dialect) {
    try {
      JdbcSchema.open(connection, dialect);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open the control-plane store: " + e.getMessage(), e);
    }
    this.jdbc = new Jdbc(connection, this);
    this.users = new JdbcUsers(jdbc);
    this.vault = new JdbcVault(jdbc);
    this.equity = new JdbcEquity(jdbc);
    this.bots = new JdbcBots(jdbc, equity);
    this.events = new JdbcEvents(jdbc);
    this.channels = new JdbcNotify(jdbc);
    this.jobs = new JdbcJobs(jdbc);
  }

  static JdbcStore open(String url) {
    JdbcSchema.Dialect dialect =
        url.startsWith("jdbc:sqlite:") ? JdbcSchema.Dialect.SQLITE : JdbcSchema.Dialect.POSTGRES;
    try {
      return new JdbcStore(DriverManager.getConnection(url), dialect);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot connect to the control-plane store (" + dialect + "): " + e.getMessage(), e);
    }
  }

  int schemaVersion() {
    return jdbc.withConnection(JdbcSchema::version);
  }

  @Override
  public <T> T inTransaction(TxWork<T> work) {
    return jdbc.inTransaction(work);
  }

  @Override
  public void close() {
    jdbc.close();
  }

  // users

  @Override
  public void insertUser(User user) {
    users.insertUser(user);
  }

  @Override
  public Optional<User> userByName(String name) {
    return users.userByName(name);
  }

  @Override
  public Optional<User> user(String id) {
    return users.user(id);
  }

  @Override
  public List<User> users() {
    return users.users();
  }

  @Override
  public long countUsers() {
    return users.countUsers();
  }

  // refresh tokens

  @Override
  public void insertRefresh(RefreshToken token) {
    users.insertRefresh(token);
  }

  @Override
  public Optional<RefreshToken> refresh(String hash) {
    return users.refresh(hash);
  }

  @Override
  public boolean spendRefresh(String hash) {
    return users.spendRefresh(hash);
  }

  @Override
  public void revokeFamily(String family) {
    users.revokeFamily(family);
  }

  @Override
  public void revokeUserTokens(String userId) {
    users.revokeUserTokens(userId);
  }

  // audit

  @Override
  public void appendAudit(AuditEntry entry) {
    users.appendAudit(entry);
  }

  @Override
  public List<AuditEntry> audit(@Nullable String userId, int limit) {
    return users.audit(userId, limit);
  }

  // vault

  @Override
  public Optional<VaultMeta> vaultMeta() {
    return vault.vaultMeta();
  }

  @Override
  public void putVaultMeta(VaultMeta meta) {
    vault.putVaultMeta(meta);
  }

  @Override
  public void insertKey(KeyRecord key) {
    vault.insertKey(key);
  }

  @Override
  public Optional<KeyRecord> key(String id) {
    return vault.key(id);
  }

  @Override
  public List<KeyRecord> keys(@Nullable String owner) {
    return vault.keys(owner);
  }

  @Override
  public boolean deleteKey(String id) {
    return vault.deleteKey(id);
  }

  // bots

  @Override
  public void insertBot(Bot bot) {
    bots.insertBot(bot);
  }

  @Override
  public void updateBot(Bot bot) {
    bots.updateBot(bot);
  }

  @Override
  public Optional<Bot> bot(String id) {
    return bots.bot(id);
  }

  @Override
  public List<Bot> bots(@Nullable String owner) {
    return bots.bots(owner);
  }

  @Override
  public boolean deleteBot(String id) {
    return bots.deleteBot(id);
  }

  // equity history

  @Override
  public void appendEquity(EquitySample sample, int keep) {
    equity.appendEquity(sample, keep);
  }

  @Override
  public List<EquitySample> equity(String botId, long from, long to, int limit) {
    return equity.equity(botId, from, to, limit);
  }

  // events

  @Override
  public long appendEvent(String owner, String type, String dataJson, long at) {
    return events.appendEvent(owner, type, dataJson, at);
  }

  @Override
  public List<Event> eventsAfter(@Nullable String owner, long afterId, int limit) {
    return events.eventsAfter(owner, afterId, limit);
  }

  @Override
  public int pruneEvents(int keep) {
    return events.pruneEvents(keep);
  }

  // notification channels

  @Override
  public void putNotifyChannel(NotifyChannel channel) {
    channels.putNotifyChannel(channel);
  }

  @Override
  public Optional<NotifyChannel> notifyChannel(String userId, String channel) {
    return channels.notifyChannel(userId, channel);
  }

  @Override
  public List<NotifyChannel> notifyChannels(String userId) {
    return channels.notifyChannels(userId);
  }

  @Override
  public boolean deleteNotifyChannel(String userId, String channel) {
    return channels.deleteNotifyChannel(userId, channel);
  }

  // backtest jobs

  @Override
  public void insertJob(Job job) {
    jobs.insertJob(job);
  }

  @Override
  public void updateJob(Job job) {
    jobs.updateJob(job);
  }

  @Override
  public Optional<Job> job(String id) {
    return jobs.job(id);
  }

  @Override
  public List<Job> jobs(@Nullable String owner, int limit) {
    return jobs.jobs(owner, limit);
  }

  @Override
  public void putJobResult(String id, String resultJson, String reportHtml) {
    jobs.putJobResult(id, resultJson, reportHtml);
  }

  @Override
  public Optional<String> jobResult(String id) {
    return jobs.jobResult(id);
  }

  @Override
  public Optional<String> jobReport(String id) {
    return jobs.jobReport(id);
  }

  @Override
  public boolean deleteJob(String id) {
    return jobs.deleteJob(id);
  }

  @Override
  public int pruneJobs(String owner, int keep) {
    return jobs.pruneJobs(owner, keep);
  }

  @Override
  public int failUnfinishedJobs(long at, String error) {
    return jobs.failUnfinishedJobs(at, error);
  }
}
