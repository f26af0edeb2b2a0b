package io.newswire.fetcher.content;

/** Text decoded from bytes, with the charset that was used. */
public record Decoded(String text, String charset) {}
