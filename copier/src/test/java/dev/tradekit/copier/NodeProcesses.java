package dev.tradekit.copier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The copier JVMs of a {@link ProcessGroup}: launched on the test class path with a properties
 * file, signalled (kill, stop, continue), and read for their logs and copier-thread stacks.
 *
 * <pre>{@code
 * NodeProcesses n = new NodeProcesses(dir);
 * n.launch("node-1", props); n.pause("node-1"); n.resume("node-1"); n.destroyAll();
 * }</pre>
 */
final class NodeProcesses {
  private final Path dir;
  private final Map<String, Process> nodes = new LinkedHashMap<>();

  NodeProcesses(Path dir) {
    this.dir = dir;
  }

  Set<String> running() {
    return nodes.keySet();
  }

  /** Writes {@code config} to {@code name.properties} and starts {@link CopierNode} on it. */
  void launch(String name, Properties config) throws IOException {
    Path props = dir.resolve(name + ".properties");
    try (Writer w = Files.newBufferedWriter(props, StandardCharsets.UTF_8)) {
      config.store(w, "copier node " + name);
    }
    Process proc =
        new ProcessBuilder(
                javaTool("java"),
                "-Xmx192m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                CopierNode.class.getName(),
                props.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve(name + ".log").toFile())
            .start();
    nodes.put(name, proc);
  }

  /** SIGKILL: the process dies at once, holding its leases. */
  void kill(String name) throws InterruptedException {
    Process p = process(name);
    p.destroyForcibly();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(name + " died").isTrue();
    nodes.remove(name);
  }

  /** SIGSTOP: the process stalls as in a long GC pause, keeping its sockets and connections. */
  void pause(String name) throws IOException, InterruptedException {
    signal("STOP", name);
  }

  /** SIGCONT: the stalled process runs on and finds its overdue timers firing at once. */
  void resume(String name) throws IOException, InterruptedException {
    signal("CONT", name);
  }

  private void signal(String signal, String name) throws IOException, InterruptedException {
    Process kill =
        new ProcessBuilder("kill", "-" + signal, Long.toString(process(name).pid()))
            .redirectErrorStream(true)
            .start();
    assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(kill.exitValue()).as("kill -" + signal + " " + name).isZero();
  }

  private Process process(String name) {
    Process p = nodes.get(name);
    if (p == null) {
      throw new IllegalArgumentException("no running node " + name + "; running: " + nodes);
    }
    return p;
  }

  /** Each node's copier-thread stack and the last 30 lines of every log, for a failure message. */
  String diagnostics() {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, Process> e : nodes.entrySet()) {
      b.append("--- copier thread of ").append(e.getKey()).append('\n').append(stack(e.getValue()));
    }
    try (var logs = Files.list(dir)) {
      for (Path log : logs.filter(p -> p.toString().endsWith(".log")).toList()) {
        var lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        b.append("--- ").append(log.getFileName()).append('\n');
        lines
            .subList(Math.max(0, lines.size() - 30), lines.size())
            .forEach(l -> b.append(l).append('\n'));
      }
    } catch (IOException e) {
      b.append("logs unreadable: ").append(e);
    }
    return b.toString();
  }

  /** The copier scheduler thread's stack of a live child. */
  private static String stack(Process p) {
    try {
      Process jcmd =
          new ProcessBuilder(javaTool("jcmd"), Long.toString(p.pid()), "Thread.print")
              .redirectErrorStream(true)
              .start();
      String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      jcmd.waitFor(30, TimeUnit.SECONDS);
      int at = out.indexOf("\"copier-");
      if (at < 0) {
        return "no copier thread\n";
      }
      int end = out.indexOf("\n\n", at);
      return out.substring(at, end < 0 ? out.length() : end) + "\n";
    } catch (IOException e) {
      return "jcmd failed: " + e + "\n";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted\n";
    }
  }

  private static String javaTool(String name) {
    return Path.of(System.getProperty("java.home"), "bin", name).toString();
  }

  /** Destroys every child process (a stopped one included) and waits for each to end. */
  void destroyAll() throws InterruptedException {
    for (Process p : nodes.values()) {
      p.destroyForcibly();
      p.waitFor(30, TimeUnit.SECONDS);
    }
    nodes.clear();
  }
}
