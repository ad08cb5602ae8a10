/**
 * Copy trading: {@link dev.tradekit.copier.TradeCopier} mirrors every fill of a leader account onto
 * many follower accounts, each sized by its own {@link dev.tradekit.copier.CopyPolicy}, exactly
 * once across crashes and restarts thanks to a {@link dev.tradekit.copier.CopyJournal}.
 */
@NullMarked
package dev.tradekit.copier;

import org.jspecify.annotations.NullMarked;
