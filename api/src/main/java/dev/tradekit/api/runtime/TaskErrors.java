package dev.tradekit.api.runtime;

import java.util.function.Consumer;

/** Runs scheduler tasks so that what they throw reaches the error handler and nowhere else. */
final class TaskErrors {
  /** The default error handler: prints the exception with its stack trace to System.err. */
  static final Consumer<Throwable> PRINT_TO_STDERR = TaskErrors::print;

  private TaskErrors() {}

  @SuppressWarnings("CatchAndPrintStackTrace") // printing is this handler's documented job
  private static void print(Throwable error) {
    System.err.println("Uncaught exception in scheduler task:");
    error.printStackTrace();
  }

  /**
   * Runs {@code task}; anything it throws goes to {@code handler} (whose own failure is printed).
   */
  @SuppressWarnings("CatchAndPrintStackTrace")
  static void runGuarded(Runnable task, Consumer<Throwable> handler) {
    try {
      task.run();
    } catch (Throwable error) {
      try {
        handler.accept(error);
      } catch (Throwable handlerError) {
        handlerError.addSuppressed(error);
        print(handlerError);
      }
    }
  }
}
