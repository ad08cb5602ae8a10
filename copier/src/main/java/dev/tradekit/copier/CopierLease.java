package dev.tradekit.copier;

import org.jspecify.annotations.Nullable;

/**
 * Who works what in a group of copier instances sharing one journal: the lease on one follower (or
 * on watching the leader), its owner, its fencing epoch and when it runs out.
 *
 * <pre>{@code
 * for (CopierLease l : copier.leases()) {
 *   System.out.printf("%s -> %s (epoch %d, until %s)%n",
 *       l.name(), l.owner(), l.epoch(), Instant.ofEpochMilli(l.expiresAt()));
 * }
 * }</pre>
 *
 * @param name {@code watcher}, or {@code follower:<name>}
 * @param owner the instance holding it, {@code null} when free
 * @param epoch one more with every change of owner; the journal refuses writes under an older one
 * @param expiresAt when it runs out unless renewed (the owner's scheduler time, epoch millis)
 */
public record CopierLease(String name, @Nullable String owner, long epoch, long expiresAt) {}
