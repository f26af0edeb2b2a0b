package io.newswire.model;

/** A record on a topic that cannot be read as the event it should be; the message is the reason. */
public class EventException extends RuntimeException {
  public EventException(String message) {
    super(message);
  }

  public EventException(String message, Throwable cause) {
    super(message, cause);
  }
}
