package dev.tradekit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's static files: types, security and cache headers, and nothing else served. */
class DashboardHandlerIT {
  @TempDir static Path dir;
  private static ServerFixture f;

  @BeforeAll
  static void start() {
    f = new ServerFixture(ServerFixture.builder(dir, ServerFixture.key(3)).build().start());
  }

  @AfterAll
  static void stop() {
    f.close();
  }

  @Test
  void servesThePageAtTheRootWithAStrictContentSecurityPolicy() {
    HttpResponse<String> r = f.get("/", null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
    assertThat(r.body()).contains("<script type=\"module\" src=\"/js/app.js\"></script>");
    String csp = r.headers().firstValue("content-security-policy").orElse("");
    assertThat(csp)
        .contains("default-src 'none'", "script-src 'self';", "frame-ancestors 'none'")
        .doesNotContain("unsafe-inline", "unsafe-eval", "*");
    assertThat(r.headers().firstValue("x-content-type-options")).hasValue("nosniff");
    assertThat(r.headers().firstValue("x-frame-options")).hasValue("DENY");
    assertThat(r.headers().firstValue("cache-control")).hasValue("no-cache");
    assertThat(r.headers().firstValue("etag")).isPresent();
    // no inline script anywhere in the page: every <script> loads a file
    assertThat(r.body().split("<script", -1)).hasSize(2);
  }

  @Test
  void servesScriptsAndStylesWithTheirTypes() {
    assertThat(f.get("/js/app.js", null).headers().firstValue("content-type"))
        .hasValue("text/javascript; charset=utf-8");
    assertThat(f.get("/js/views/overview.js", null).statusCode()).isEqualTo(200);
    assertThat(f.get("/css/app.css", null).headers().firstValue("content-type"))
        .hasValue("text/css; charset=utf-8");
  }

  @Test
  void answersNotModifiedForTheSameEtag() {
    String etag = f.get("/js/api.js", null).headers().firstValue("etag").orElseThrow();
    HttpResponse<String> again = f.send("GET", "/js/api.js", null, null, "If-None-Match", etag);
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
  }

  @Test
  void leavesTheApiToTheApiHandler() {
    HttpResponse<String> r = f.get("/api/health", null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"setupRequired\":true");
    assertThat(r.headers().firstValue("content-security-policy")).isEmpty();
    assertThat(f.get("/api/nothing-here", null).headers().firstValue("content-type"))
        .hasValue("application/problem+json; charset=utf-8");
  }

  @Test
  void refusesUnknownFilesAndMethods() {
    assertThat(f.get("/nothing.html", null).statusCode()).isEqualTo(404);
    assertThat(f.get("/js/", null).statusCode()).isEqualTo(404);
    assertThat(f.get("/index.HTML", null).statusCode()).isEqualTo(404);
    HttpResponse<String> post = f.post("/index.html", "{}", null);
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("allow")).hasValue("GET, HEAD");
  }

  @Test
  void refusesPathTraversal() throws IOException {
    // the class path holds the server's classes and openapi.yaml next to the dashboard folder
    List<String> attacks =
        List.of(
            "/../openapi.yaml",
            "/../ApiHandler.class",
            "/js/../../openapi.yaml",
            "/%2e%2e/openapi.yaml",
            "/js/%2e%2e/%2e%2e/openapi.yaml",
            "/..%2fopenapi.yaml",
            "/js/..%2f..%2fopenapi.yaml",
            "/%2e%2e%2f%2e%2e%2fdev/tradekit/server/openapi.yaml",
            "/..\\openapi.yaml",
            "/....//openapi.yaml",
            "//openapi.yaml",
            "/dev/tradekit/server/openapi.yaml",
            "/js/app.js%00.html",
            "/js/..;/..;/openapi.yaml");
    for (String path : attacks) {
      String reply = raw(path);
      String status = reply.substring(0, reply.indexOf("\r\n"));
      assertThat(status).as(path).matches("HTTP/1\\.1 (400|404) .*");
      assertThat(reply.toLowerCase(Locale.ROOT))
          .as(path)
          .doesNotContain("openapi: 3.1.0", "\u00ca\u00fe\u00ba\u00be");
    }
    // what the browser would normalise anyway stays inside the dashboard
    assertThat(raw("/js/../index.html")).startsWith("HTTP/1.1 200");
  }

  /** Sends the request line as written (no client-side normalisation) and reads the reply. */
  private static String raw(String path) throws IOException {
    URI base = URI.create(f.base);
    try (Socket s = new Socket(base.getHost(), base.getPort())) {
      s.setSoTimeout(20_000);
      OutputStream out = s.getOutputStream();
      out.write(
          ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }
}
