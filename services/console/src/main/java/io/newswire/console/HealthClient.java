package io.newswire.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Every service's readiness ({@code /q/health/ready}, which needs no key), asked of all at once so
 * that the health page takes as long as the slowest answer, not the sum.
 */
@ApplicationScoped
public class HealthClient {
  private final Map<String, ServiceCalls> services = new LinkedHashMap<>();

  public HealthClient(ConsoleConfig config, ObjectMapper json) {
    services.put(
        "fetcher",
        new ServiceCalls("fetcher", config.fetcherUrl(), "newswire.console.fetcher-url", json));
    services.put(
        "cleaner",
        new ServiceCalls("cleaner", config.cleanerUrl(), "newswire.console.cleaner-url", json));
    services.put(
        "indexer",
        new ServiceCalls("indexer", config.indexerUrl(), "newswire.console.indexer-url", json));
    services.put(
        "alerter",
        new ServiceCalls("alerter", config.alerterUrl(), "newswire.console.alerter-url", json));
  }

  /** What one service said, or why it said nothing ({@code unreachable}). */
  public record Answer(String service, Reply reply, String unreachable) {}

  /** Each service's readiness, in pipeline order. */
  public Map<String, Answer> readiness(String key) {
    Map<String, CompletableFuture<Answer>> asked = new LinkedHashMap<>();
    services.forEach(
        (name, calls) ->
            asked.put(
                name,
                CompletableFuture.supplyAsync(
                    () -> {
                      try {
                        return new Answer(
                            name,
                            calls.send(calls.request(key, "/q/health/ready").GET().build()),
                            null);
                      } catch (IOException e) {
                        return new Answer(name, null, e.getMessage());
                      }
                    })));
    Map<String, Answer> out = new LinkedHashMap<>();
    asked.forEach((name, answer) -> out.put(name, answer.join()));
    return out;
  }
}
