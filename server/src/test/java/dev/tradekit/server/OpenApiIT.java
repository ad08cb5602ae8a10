package dev.tradekit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** The served OpenAPI 3.1 document lists exactly the routes the server has. */
class OpenApiIT {
  @TempDir Path dir;

  @Test
  @SuppressWarnings("unchecked")
  void documentsEveryRouteAndNoOther() {
    try (ServerFixture f =
        new ServerFixture(ServerFixture.builder(dir, ServerFixture.key(1)).build().start())) {
      HttpResponse<String> r = f.get("/api/openapi.yaml", null);
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("application/yaml");
      Map<String, Object> doc = new Yaml().load(r.body());
      assertThat(doc.get("openapi")).isEqualTo("3.1.0");
      Map<String, Map<String, Object>> paths =
          (Map<String, Map<String, Object>>) java.util.Objects.requireNonNull(doc.get("paths"));
      Set<String> documented = new TreeSet<>();
      paths.forEach(
          (path, ops) ->
              ops.keySet().stream()
                  .filter(k -> Set.of("get", "post", "put", "patch", "delete").contains(k))
                  .forEach(m -> documented.add(m.toUpperCase(Locale.ROOT) + " " + path)));
      Set<String> served = new TreeSet<>();
      for (Http.Route route : f.plane.api().routes()) {
        served.add(route.method() + " " + route.template());
      }
      assertThat(documented).isEqualTo(served);
    }
  }
}
