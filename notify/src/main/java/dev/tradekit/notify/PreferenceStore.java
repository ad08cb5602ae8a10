package dev.tradekit.notify;

import java.util.List;
import java.util.Objects;

/**
 * Where the {@link Notifier} reads each user's {@link Preference preferences}; the control plane
 * implements it over its store, a library user can pass a fixed list.
 *
 * <pre>{@code
 * PreferenceStore prefs = PreferenceStore.of(List.of(Preference.of("alice", "telegram", "42")));
 * }</pre>
 *
 * <p>Threading: called from the thread that enqueues an event and from the delivery thread;
 * implementations must be thread-safe and fast (cache if the backing store is slow).
 */
@FunctionalInterface
public interface PreferenceStore {

  /** The preferences of {@code userId} (empty if none). */
  List<Preference> preferencesOf(String userId);

  /** A fixed set of preferences. */
  static PreferenceStore of(List<Preference> preferences) {
    List<Preference> copy = List.copyOf(preferences);
    return userId -> {
      Objects.requireNonNull(userId, "userId");
      return copy.stream().filter(p -> p.userId().equals(userId)).toList();
    };
  }
}
