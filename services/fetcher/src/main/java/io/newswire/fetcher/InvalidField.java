package io.newswire.fetcher;

import java.util.function.Supplier;

/**
 * A {@code POST /sources} body the fetcher refuses, and which of its fields to correct ({@code
 * name}, {@code type}, {@code url}, {@code path} or {@code interval}), so a form can show the
 * reason by that field.
 */
final class InvalidField extends IllegalArgumentException {
  private final String field;

  InvalidField(String field, String message) {
    super(message);
    this.field = field;
  }

  String field() {
    return field;
  }

  /**
   * What {@code step} returns; an {@link IllegalArgumentException} it throws is laid at {@code
   * field}.
   */
  static <T> T in(String field, Supplier<T> step) {
    try {
      return step.get();
    } catch (InvalidField e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new InvalidField(field, e.getMessage());
    }
  }
}
