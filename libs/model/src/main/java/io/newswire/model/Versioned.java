package io.newswire.model;

/** An event that carries the version of the schema it was written with. */
public interface Versioned {
  int schemaVersion();

  /** The newest schema version this build understands for the event type. */
  int supportedSchemaVersion();
}
