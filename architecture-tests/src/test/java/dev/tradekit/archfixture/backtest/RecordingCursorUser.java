package dev.tradekit.archfixture.backtest;

import dev.tradekit.archfixture.api.internal.wire.FrameCursor;

/** Fixture: the backtest's reader using api's shared wire package (allowed). */
public final class RecordingCursorUser {
  public int read() {
    return FrameCursor.next(0);
  }
}
