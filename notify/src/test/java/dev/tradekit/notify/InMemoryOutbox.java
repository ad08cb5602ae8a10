package dev.tradekit.notify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An {@link Outbox} in memory for fast tests (same contract as {@link JdbcOutbox}). */
final class InMemoryOutbox implements Outbox {
  private final Map<String, Row> rows = new LinkedHashMap<>();
  private final Map<String, DisabledChannel> disabled = new LinkedHashMap<>();
  private final Map<String, Long> updated = new LinkedHashMap<>();

  @Override
  public synchronized void add(List<Row> added) {
    for (Row r : added) {
      rows.putIfAbsent(r.deliveryId(), r);
    }
  }

  @Override
  public synchronized List<Row> due(long nowMillis, int limit) {
    return rows.values().stream()
        .filter(r -> r.state() == State.PENDING && r.nextAttemptAtMillis() <= nowMillis)
        .sorted(
            Comparator.comparingLong(Row::nextAttemptAtMillis)
                .thenComparing(r -> r.event().occurredAt())
                .thenComparing(Row::deliveryId))
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized void markDelivered(Collection<String> ids, long nowMillis) {
    for (String id : ids) {
      Row r = row(id);
      set(id, State.DELIVERED, r.attempts(), r.nextAttemptAtMillis(), null);
      updated.put(id, nowMillis);
    }
  }

  @Override
  public synchronized void reschedule(
      Collection<String> ids, long next, int addAttempts, String error) {
    for (String id : ids) {
      Row r = row(id);
      if (r.state() == State.PENDING) {
        set(id, State.PENDING, r.attempts() + addAttempts, next, error);
      }
    }
  }

  @Override
  public synchronized void markDead(Collection<String> ids, String error, long nowMillis) {
    for (String id : ids) {
      Row r = row(id);
      set(id, State.DEAD, r.attempts(), r.nextAttemptAtMillis(), error);
      updated.put(id, nowMillis);
    }
  }

  @Override
  public synchronized List<Row> deadLetters(int limit) {
    List<Row> dead =
        new ArrayList<>(rows.values().stream().filter(r -> r.state() == State.DEAD).toList());
    java.util.Collections.reverse(dead);
    return dead.stream().limit(limit).toList();
  }

  @Override
  public synchronized boolean retryDeadLetter(String id, long nowMillis) {
    Row r = rows.get(id);
    if (r == null || r.state() != State.DEAD) {
      return false;
    }
    set(id, State.PENDING, 0, nowMillis, r.lastError());
    return true;
  }

  @Override
  public synchronized int pendingCount() {
    return (int) rows.values().stream().filter(r -> r.state() == State.PENDING).count();
  }

  @Override
  public synchronized void disableChannel(String user, String channel, String reason, long now) {
    disabled.putIfAbsent(
        user + "|" + channel,
        new DisabledChannel(user, channel, reason, Instant.ofEpochMilli(now)));
  }

  @Override
  public synchronized void enableChannel(String user, String channel) {
    disabled.remove(user + "|" + channel);
  }

  @Override
  public synchronized List<DisabledChannel> disabledChannels() {
    return List.copyOf(disabled.values());
  }

  private Row row(String id) {
    return java.util.Objects.requireNonNull(rows.get(id), id);
  }

  synchronized List<Row> all() {
    return List.copyOf(rows.values());
  }

  private void set(
      String id,
      State s,
      int attempts,
      long next,
      @org.jspecify.annotations.Nullable String error) {
    Row r = row(id);
    rows.put(
        id, new Row(r.deliveryId(), r.channel(), r.address(), r.event(), s, attempts, next, error));
  }
}
