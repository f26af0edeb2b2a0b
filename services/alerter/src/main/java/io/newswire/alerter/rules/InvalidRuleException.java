package io.newswire.alerter.rules;

/** A rule that cannot be matched; the message says what to change. */
public class InvalidRuleException extends IllegalArgumentException {
  public InvalidRuleException(String message) {
    super(message);
  }
}
