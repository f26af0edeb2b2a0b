package io.newswire.extract;

/**
 * Input that cannot be cleaned: empty, binary, or nothing left after removing the page furniture.
 */
public class ExtractionException extends RuntimeException {

  public ExtractionException(String message) {
    super(message);
  }
}
