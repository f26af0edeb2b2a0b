package io.newswire.fetcher.source;

import java.net.URI;
import java.time.Duration;

/**
 * One entry of the sources file.
 *
 * @param path the watched folder of a {@code folder} source, else null
 * @param url the address of the other types, else null
 * @param interval the poll interval it starts at, or null for the configured default
 */
public record SourceDefinition(
    String name, SourceType type, String path, String url, Duration interval) {

  public SourceDefinition {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a source needs a name");
    }
    if (type == null) {
      throw new IllegalArgumentException("source '" + name + "' needs a type");
    }
    if (type == SourceType.FOLDER && (path == null || path.isBlank())) {
      throw new IllegalArgumentException("folder source '" + name + "' needs a path");
    }
    if (type != SourceType.FOLDER) {
      if (url == null || url.isBlank()) {
        throw new IllegalArgumentException(
            type.name().toLowerCase() + " source '" + name + "' needs a url");
      }
      URI uri = URI.create(url.strip());
      if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
        throw new IllegalArgumentException(
            "source '" + name + "': url must be http or https, was '" + url + "'");
      }
    }
  }

  public static SourceDefinition folder(String name, String path) {
    return new SourceDefinition(name, SourceType.FOLDER, path, null, null);
  }

  public static SourceDefinition http(String name, SourceType type, String url) {
    return new SourceDefinition(name, type, null, url, null);
  }

  /** The host this source polls, or null for a folder: the unit of politeness and of sharding. */
  public String host() {
    return url == null ? null : URI.create(url.strip()).getHost();
  }
}
