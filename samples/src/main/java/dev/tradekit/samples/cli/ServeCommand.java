package dev.tradekit.samples.cli;

import dev.tradekit.server.ControlPlane;
import dev.tradekit.server.MasterKey;
import dev.tradekit.server.Stores;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tradekit serve}: runs the control plane on loopback until stopped (Ctrl-C); on first run
 * prints the one-time link that creates the admin account.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description =
        "Runs the control plane (REST + live events) on 127.0.0.1. First run prints a one-time"
            + " setup link for the admin account.")
final class ServeCommand implements Callable<Integer> {
  static final String MASTER_KEY_ENV = "TRADEKIT_MASTER_KEY";

  @Spec @Nullable CommandSpec spec;

  @Option(names = "--port", description = "Port to listen on (default ${DEFAULT-VALUE}; 0: any).")
  int port = 8080;

  @Option(
      names = "--data-dir",
      description =
          "Folder of the database and, by default, the master key (default ${DEFAULT-VALUE}).")
  Path dataDir = Path.of("tradekit-data");

  @Option(
      names = "--master-key-file",
      description =
          "Key file (base64 of 32 bytes) that unlocks the key vault. Default: $"
              + MASTER_KEY_ENV
              + " if set, else <data-dir>/master.key, created on first run.")
  @Nullable Path masterKeyFile;

  @Option(
      names = "--backtest-data",
      description =
          "Folder of recorded market-data files that backtest jobs may name (POST /api/backtests"
              + " with data.source=file); nothing outside it is read. Default: none, jobs run on"
              + " the synthetic market only.")
  @Nullable Path backtestData;

  @Option(
      names = "--metrics-port",
      description =
          "Also serve the Prometheus scrape (GET /metrics) without authentication on this port of"
              + " 127.0.0.1 only (0: any). Default: off; admins scrape /metrics on the API port.")
  @Nullable Integer metricsPort;

  /** Released to stop serving; the JVM's shutdown hook releases it on Ctrl-C. */
  final CountDownLatch stop = new CountDownLatch(1);

  @Override
  public Integer call() throws Exception {
    PrintWriter out = Objects.requireNonNull(spec, "spec").commandLine().getOut();
    Path folder = backtestData;
    if (folder != null && !Files.isDirectory(folder)) {
      throw new UserError(
          "--backtest-data " + folder + " is not a folder: pass the folder of recorded data");
    }
    Files.createDirectories(dataDir);
    MasterKey key = masterKey(dataDir, masterKeyFile, out);
    ControlPlane.Builder builder =
        ControlPlane.builder()
            .bind("127.0.0.1", port)
            .store(Stores.sqlite(dataDir.resolve("tradekit.db")))
            .vault(key);
    if (folder != null) {
      builder.backtestData(folder);
    }
    if (metricsPort != null) {
      builder.metricsPort(metricsPort);
    }
    try (ControlPlane plane = builder.build().start()) {
      out.printf(
          "control plane on %s (API description: %s/api/openapi.yaml)%n", plane.url(), plane.url());
      if (plane.metricsPort() > 0) {
        out.printf("metrics (Prometheus): http://127.0.0.1:%d/metrics%n", plane.metricsPort());
      }
      plane
          .setupLink()
          .ifPresent(
              link -> {
                out.println(
                    "first run: create the admin account in the dashboard (one-time link):");
                out.printf("  %s%n", link);
                out.println("  or with curl:");
                out.printf(
                    "  curl -s %s/api/setup -d '{\"token\":\"%s\",\"username\":\"admin\","
                        + "\"password\":\"<at least 12 characters>\"}'%n",
                    plane.url(), plane.setupToken().orElseThrow());
              });
      if (folder != null) {
        out.printf("backtest jobs may name the data files in %s%n", folder.toAbsolutePath());
      }
      out.println("press Ctrl-C to stop");
      out.flush();
      Thread hook = new Thread(stop::countDown, "tradekit-serve-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        stop.await();
      } finally {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // the JVM is already stopping: the hook has run
        }
      }
    }
    out.println("control plane stopped");
    out.flush();
    return 0;
  }

  /**
   * The vault's master key: from {@code keyFile} if given, else {@code $TRADEKIT_MASTER_KEY}, else
   * {@code <dataDir>/master.key}, created (owner-only) on first use.
   */
  static MasterKey masterKey(Path dataDir, @Nullable Path keyFile, PrintWriter out)
      throws IOException {
    if (keyFile != null) {
      return MasterKey.fromFile(keyFile);
    }
    String env = System.getenv(MASTER_KEY_ENV);
    if (env != null && !env.isBlank()) {
      return MasterKey.fromEnv(MASTER_KEY_ENV);
    }
    Path file = dataDir.resolve("master.key");
    if (!Files.exists(file)) {
      byte[] raw = new byte[32];
      new SecureRandom().nextBytes(raw);
      Files.writeString(file, Base64.getEncoder().encodeToString(raw) + "\n");
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        out.println("note: cannot restrict the master key file's permissions on this system");
      }
      out.printf(
          "created the vault's master key in %s: back it up apart from the database, or move it"
              + " to $%s%n",
          file, MASTER_KEY_ENV);
    }
    return MasterKey.fromFile(file);
  }
}
