package dev.tradekit.copier.internal;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * What a follower's {@link RiskGuard} must remember across restarts: the UTC day it last saw, the
 * equity at that day's start, the peak equity, and the reason of a risk pause still in force.
 *
 * <pre>{@code
 * store.saveRiskState("alice", guard.state());
 * store.riskState("alice").ifPresent(guard::restore);
 * }</pre>
 *
 * @param day the UTC day number (epoch millis / 86 400 000) of {@code dayStart}; {@link
 *     Long#MIN_VALUE} when no equity was seen yet
 * @param dayStart the equity at the first check of {@code day}, {@code null} when none was seen
 * @param peak the highest equity seen, {@code null} when none was seen
 * @param pausedReason why a limit paused the follower, {@code null} when no risk pause is in force
 */
public record RiskState(
    long day,
    @Nullable BigDecimal dayStart,
    @Nullable BigDecimal peak,
    @Nullable String pausedReason) {}
