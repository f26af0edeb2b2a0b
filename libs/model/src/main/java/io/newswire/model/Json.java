package io.newswire.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/** JSON serde of the events: ISO-8601 instants, unknown fields ignored within a schema version. */
public final class Json {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private Json() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static byte[] write(Object event) {
    try {
      return MAPPER.writeValueAsBytes(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialise " + event.getClass().getSimpleName(), e);
    }
  }

  /**
   * Reads one event and checks its schema version.
   *
   * @throws EventException with the reason when the value is empty, not JSON of that type, or of a
   *     schema version newer than this build reads
   */
  public static <T extends Versioned> T read(byte[] value, Class<T> type) {
    if (value == null || value.length == 0) {
      throw new EventException("empty value: expected a " + type.getSimpleName() + " as JSON");
    }
    T event;
    try {
      event = MAPPER.readValue(value, type);
    } catch (IOException e) {
      throw new EventException(
          "invalid JSON for " + type.getSimpleName() + ": " + firstLine(e.getMessage()), e);
    }
    if (event == null) {
      throw new EventException("null value: expected a " + type.getSimpleName());
    }
    if (event.schemaVersion() < 1 || event.schemaVersion() > event.supportedSchemaVersion()) {
      throw new EventException(
          "unsupported schema version "
              + event.schemaVersion()
              + " of "
              + type.getSimpleName()
              + " (this build reads 1 to "
              + event.supportedSchemaVersion()
              + ")");
    }
    return event;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
