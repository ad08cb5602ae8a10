package dev.tradekit.archfixture.api.internal.wire;

/** Fixture: a class of api's internal wire package. */
public final class FrameCursor {
  public static int next(int position) {
    return position + 1;
  }
}
