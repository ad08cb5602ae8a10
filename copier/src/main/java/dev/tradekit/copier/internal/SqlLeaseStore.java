package dev.tradekit.copier.internal;

import java.sql.SQLException;
import java.util.List;
import java.util.OptionalLong;

/**
 * The leases of a copier group, in the same database and over the same connection as its {@link
 * SqlJournal}, and under the journal's lock: a lease check and the journal write it guards never
 * interleave with another call. The SQL is in {@link SqlLeases}.
 *
 * <pre>{@code
 * LeaseStore leases = journal.leaseStore();
 * OptionalLong epoch = leases.tryAcquire("follower:alice", "node-a", now, now + 5_000);
 * }</pre>
 */
final class SqlLeaseStore implements LeaseStore {
  private final Object lock;
  private final SqlSession session;
  private final boolean postgres;

  /**
   * @param lock the journal's monitor, held around every call
   * @param session the journal's connection
   * @param postgres whether the database is PostgreSQL (row locks on reads that guard writes)
   */
  SqlLeaseStore(Object lock, SqlSession session, boolean postgres) {
    this.lock = lock;
    this.session = session;
    this.postgres = postgres;
  }

  @Override
  public void heartbeat(String instance, long now) {
    synchronized (lock) {
      session.tx(
          "record a heartbeat", () -> SqlLeases.heartbeat(session.connection(), instance, now));
    }
  }

  @Override
  public void leave(String instance) {
    synchronized (lock) {
      session.tx("leave the cluster", () -> SqlLeases.leave(session.connection(), instance));
    }
  }

  @Override
  public List<String> liveInstances(long since) {
    synchronized (lock) {
      return session.tx(
          "read live instances", () -> SqlLeases.liveInstances(session.connection(), since));
    }
  }

  @Override
  public OptionalLong tryAcquire(String lease, String instance, long now, long expiresAt) {
    synchronized (lock) {
      try {
        return session.tx(
            "acquire a lease",
            () ->
                SqlLeases.tryAcquire(
                    session.connection(), lease, instance, now, expiresAt, postgres));
      } catch (IllegalStateException e) {
        if (e.getCause() instanceof SQLException) {
          return OptionalLong.empty(); // another instance created the same lease row first
        }
        throw e;
      }
    }
  }

  @Override
  public boolean renew(String lease, String instance, long epoch, long expiresAt) {
    synchronized (lock) {
      return session.tx(
          "renew a lease",
          () -> SqlLeases.renew(session.connection(), lease, instance, epoch, expiresAt));
    }
  }

  @Override
  public void release(String lease, String instance, long epoch) {
    synchronized (lock) {
      session.tx(
          "release a lease", () -> SqlLeases.release(session.connection(), lease, instance, epoch));
    }
  }

  @Override
  public List<LeaseRow> leases() {
    synchronized (lock) {
      return session.tx("read leases", () -> SqlLeases.all(session.connection()));
    }
  }

  @Override
  public boolean holds(String lease, String instance, long epoch) {
    synchronized (lock) {
      return session.tx(
          "check a lease",
          () -> {
            try {
              SqlLeases.check(session.connection(), lease, instance, epoch, false);
              return true;
            } catch (LeaseLostException e) {
              return false;
            }
          });
    }
  }
}
