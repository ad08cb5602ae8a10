package dev.tradekit.copier.internal;

import org.jspecify.annotations.Nullable;

/**
 * One lease as stored: its owner (null when free), its fencing epoch (one more with every takeover)
 * and when it expires unless renewed.
 *
 * <pre>{@code
 * for (LeaseRow l : leases.leases()) System.out.println(l.name() + " -> " + l.owner());
 * }</pre>
 */
public record LeaseRow(String name, @Nullable String owner, long epoch, long expiresAt) {}
