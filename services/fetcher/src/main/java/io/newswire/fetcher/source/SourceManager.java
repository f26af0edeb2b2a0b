package io.newswire.fetcher.source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Keeps the running sources equal to the configured list: a new entry starts, a removed one stops,
 * a changed one restarts. One source failing to start does not stop the others.
 */
public final class SourceManager implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(SourceManager.class);

  private final Function<SourceDefinition, RunningSource> factory;
  private final Map<String, SourceDefinition> definitions = new LinkedHashMap<>();
  private final Map<String, RunningSource> running = new LinkedHashMap<>();

  public SourceManager(Function<SourceDefinition, RunningSource> factory) {
    this.factory = factory;
  }

  public synchronized void apply(List<SourceDefinition> wanted) {
    Map<String, SourceDefinition> next = new LinkedHashMap<>();
    wanted.forEach(d -> next.put(d.name(), d));
    for (String name : new ArrayList<>(definitions.keySet())) {
      if (!definitions.get(name).equals(next.get(name))) {
        stop(name);
      }
    }
    for (SourceDefinition d : next.values()) {
      if (!running.containsKey(d.name())) {
        start(d);
      }
    }
  }

  public synchronized List<SourceDefinition> definitions() {
    return List.copyOf(definitions.values());
  }

  private void start(SourceDefinition d) {
    RunningSource source = null;
    try {
      source = factory.apply(d);
      source.start();
      running.put(d.name(), source);
      definitions.put(d.name(), d);
      LOG.infof("source %s (%s) started", d.name(), d.type().name().toLowerCase());
    } catch (Exception | Error e) {
      // an Error too (a parser's ExceptionInInitializerError): the sources after this one still
      // start
      if (source != null) {
        source.close();
      }
      LOG.errorf("source %s (%s) could not start: %s", d.name(), d.type().name().toLowerCase(), e);
    }
  }

  private void stop(String name) {
    definitions.remove(name);
    RunningSource source = running.remove(name);
    if (source != null) {
      source.close();
      LOG.infof("source %s stopped", name);
    }
  }

  @Override
  public synchronized void close() {
    new ArrayList<>(running.keySet()).forEach(this::stop);
  }
}
