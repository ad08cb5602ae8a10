package dev.tradekit.notify;

import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import okio.Buffer;

/** Small JSON writing helpers. */
final class Json {
  private Json() {}

  interface Body {
    void write(JsonWriter w) throws IOException;
  }

  static String write(Body body) {
    Buffer buffer = new Buffer();
    try (JsonWriter w = JsonWriter.of(buffer)) {
      body.write(w);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readUtf8();
  }

  static void event(JsonWriter w, NotifyEvent e) throws IOException {
    w.beginObject();
    w.name("id").value(e.id());
    w.name("type").value(e.kind().wireName());
    w.name("severity").value(e.severity().name());
    w.name("user").value(e.userId());
    w.name("bot").value(e.botId());
    w.name("text").value(e.text());
    w.name("occurredAt").value(e.occurredAt().toString());
    w.name("fields").beginObject();
    for (Map.Entry<String, String> f : e.fields().entrySet()) {
      w.name(f.getKey()).value(f.getValue());
    }
    w.endObject();
    w.endObject();
  }
}
