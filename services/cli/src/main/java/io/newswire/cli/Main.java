package io.newswire.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.model.Json;
import io.newswire.kafka.KafkaConnection;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./newswire search|alerts ...} against a running Newswire. Exit codes: 0 done, 1 the
 * service said no (the reason is printed), 2 wrong usage.
 */
public final class Main {
  private static final String USAGE =
      """
      usage: newswire search "QUERY" [--json] [--size N] [--all] [--exact] [--newest]
                    [--source S[,S...]] [--language L[,L...]] [--since DAY] [--until DAY]
             newswire alerts add --name NAME --query "QUERY" [--webhook URL] [--exact]
             newswire alerts list [--json]
             newswire alerts update ID --query "QUERY" [--name NAME] [--webhook URL]
             newswire alerts remove ID
             newswire alerts tail
             newswire sources list [--json]
             newswire sources add --name NAME --type folder|feed|sitemap|page|site (--url URL | --path DIR) [--interval 10m]
             newswire sources remove NAME
             newswire dlq [list] [--topic TOPIC.dlq] [--last N] [--json]
             newswire dlq replay --topic TOPIC.dlq [--key KEY]
             newswire keys list
             newswire keys add --name NAME --role reader|editor|admin
             newswire keys revoke NAME
      API calls send the key in $NEWSWIRE_API_KEY, or else the one ./newswire up keeps in .newswire/data/cli-key.""";

  private final Api api;

  private Main(Api api) {
    this.api = api;
  }

  public static void main(String[] argv) throws Exception {
    Path upFile = Path.of(System.getProperty("newswire.up-file", ".newswire/data/up.properties"));
    List<String> args = new ArrayList<>(List.of(argv));
    if (args.isEmpty()) {
      usage("missing command");
    }
    if (args.contains("--help") || args.contains("-h")) {
      System.out.println(USAGE);
      return;
    }
    Main main = new Main(new Api(upFile));
    try {
      String command = args.remove(0);
      switch (command) {
        case "search" -> main.search(args);
        case "alerts" -> main.alerts(args);
        case "sources" -> main.sources(args);
        case "dlq" -> main.dlq(args);
        case "keys" -> new KeysCommand(main.api.dataDir().resolve("api-keys"), System.out).run(args);
        case "help", "--help", "-h" -> {
          System.out.println(USAGE);
          return;
        }
        default -> usage("unknown command '" + command + "'");
      }
    } catch (IOException e) {
      System.err.println(e.getMessage());
      System.exit(1);
    }
  }

  private void search(List<String> args) throws Exception {
    Map<String, String> options = options(args, "--json", "--size", "--all", "--exact", "--newest", "--source",
        "--language", "--since", "--until");
    if (args.isEmpty()) {
      usage("search needs a query");
    }
    String query = String.join(" ", args);
    StringBuilder url = new StringBuilder(api.url("indexer", 8083)).append("/search?q=").append(Api.encode(query))
        .append("&size=").append(options.getOrDefault("--size", "10"))
        .append(options.containsKey("--all") ? "&all=true" : "")
        .append(options.containsKey("--exact") ? "&exact=true" : "")
        .append(options.containsKey("--newest") ? "&sort=newest" : "");
    // --source and --language take several values, comma-separated: any of them
    for (String filter : List.of("source", "language")) {
      for (String value : options.getOrDefault("--" + filter, "").split(",")) {
        if (!value.isBlank()) {
          url.append('&').append(filter).append('=').append(Api.encode(value.trim()));
        }
      }
    }
    for (String day : List.of("since", "until")) {
      if (options.containsKey("--" + day)) {
        url.append('&').append(day).append('=').append(Api.encode(options.get("--" + day)));
      }
    }
    Api.Reply reply = api.call("GET", url.toString(), null);
    if (reply.status() != 200) {
      fail("Search failed: " + reply.error());
    }
    if (options.containsKey("--json")) {
      System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(reply.body()));
      return;
    }
    JsonNode body = reply.body();
    System.out.println(body.path("stories").asLong() + " stories, " + body.path("total").asLong()
        + " reports for " + query);
    for (JsonNode hit : body.path("hits")) {
      System.out.println();
      System.out.println("  " + hit.path("title").asText("(untitled)"));
      System.out.println("  id " + hit.path("id").asText() + "  " + hit.path("url").asText("")
          + (hit.path("published").isTextual() ? "  published " + hit.path("published").asText() : ""));
      System.out.println("  " + terminalHighlight(hit.path("snippet").asText("")));
      for (JsonNode copy : hit.path("copies")) {
        System.out.println("  + also in " + copy.path("source").asText() + ": " + copy.path("url").asText(""));
      }
    }
  }

  private void alerts(List<String> args) throws Exception {
    if (args.isEmpty()) {
      usage("alerts needs add, list, remove or tail");
    }
    String rules = api.url("alerter", 8084) + "/rules";
    String sub = args.remove(0);
    switch (sub) {
      case "add" -> {
        Map<String, String> options = options(args, "--name", "--query", "--webhook", "--id", "--exact");
        if (!options.containsKey("--query")) {
          usage("alerts add needs --query \"QUERY\"");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", options.get("--id"));
        body.put("name", options.getOrDefault("--name", options.get("--query")));
        body.put("query", options.get("--query"));
        body.put("webhook", options.get("--webhook"));
        body.put("exact", options.containsKey("--exact"));
        Api.Reply reply = api.call("POST", rules, body);
        if (reply.status() != 201) {
          fail("Rule not added: " + reply.error());
        }
        System.out.println("Rule " + reply.body().path("id").asText() + " (" + reply.body().path("name").asText()
            + ") is active: " + reply.body().path("query").asText());
        String matches = reply.body().path("matches").asText(null);
        if (matches != null && !matches.equals(reply.body().path("query").asText())) {
          // names widened to their other spellings: what will fire (--exact to match the spelling only)
          System.out.println("  runs as: " + matches);
        }
      }
      case "list" -> {
        Map<String, String> options = options(args, "--json");
        Api.Reply reply = api.call("GET", rules, null);
        if (options.containsKey("--json")) {
          System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(reply.body()));
          return;
        }
        System.out.println(reply.body().size() + " rule(s)");
        for (JsonNode rule : reply.body()) {
          System.out.printf("  %-38s %-24s %s%n", rule.path("id").asText(), rule.path("name").asText(),
              rule.path("query").asText());
        }
      }
      case "update" -> {
        if (args.isEmpty() || args.get(0).startsWith("--")) {
          usage("alerts update needs a rule id (see alerts list)");
        }
        String id = args.remove(0);
        Map<String, String> options = options(args, "--name", "--query", "--webhook");
        if (!options.containsKey("--query")) {
          usage("alerts update needs --query \"QUERY\"");
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("name", options.get("--name"));
        body.put("query", options.get("--query"));
        body.put("webhook", options.get("--webhook"));
        Api.Reply reply = api.call("PUT", rules + "/" + Api.encode(id), body);
        if (reply.status() != 200) {
          fail("Rule not changed: " + reply.error());
        }
        System.out.println("Rule " + id + " now: " + reply.body().path("query").asText());
      }
      case "remove" -> {
        if (args.isEmpty()) {
          usage("alerts remove needs a rule id (see alerts list)");
        }
        Api.Reply reply = api.call("DELETE", rules + "/" + Api.encode(args.get(0)), null);
        if (reply.status() != 204) {
          fail("Rule not removed: " + reply.error());
        }
        System.out.println("Rule " + args.get(0) + " removed");
      }
      case "tail" -> tail();
      default -> usage("unknown alerts command '" + sub + "'");
    }
  }

  private void sources(List<String> args) throws Exception {
    if (args.isEmpty()) {
      usage("sources needs list, add or remove");
    }
    String sources = api.url("fetcher", 8081) + "/sources";
    String sub = args.remove(0);
    switch (sub) {
      case "list" -> {
        Map<String, String> options = options(args, "--json");
        Api.Reply reply = api.call("GET", sources, null);
        if (options.containsKey("--json")) {
          System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(reply.body()));
          return;
        }
        System.out.println(reply.body().size() + " source(s)");
        for (JsonNode source : reply.body()) {
          String where = source.path("url").isTextual() ? source.path("url").asText() : source.path("path").asText();
          if (!source.path("polledHere").asBoolean(true)) {
            System.out.printf("  %-20s %-8s %s%n      from %s, polled by another fetcher instance (shard %s)%n",
                source.path("name").asText(), source.path("type").asText(), where,
                source.path("origin").asText(), source.path("shard").asText());
            continue;
          }
          System.out.printf("  %-20s %-8s %s%n      from %s, items %d, errors %d, last success %s%s%n",
              source.path("name").asText(), source.path("type").asText(), where,
              source.path("origin").asText(), source.path("itemsEmitted").asLong(), source.path("errors").asLong(),
              source.path("lastSuccess").asText("never"),
              source.path("lastErrorReason").isTextual()
                  ? ", last error " + source.path("lastError").asText() + ": " + source.path("lastErrorReason").asText()
                  : "");
        }
      }
      case "add" -> {
        Map<String, String> options = options(args, "--name", "--type", "--url", "--path", "--interval");
        if (!options.containsKey("--name") || !options.containsKey("--type")) {
          usage("sources add needs --name and --type");
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("name", options.get("--name"));
        body.put("type", options.get("--type"));
        body.put("url", options.get("--url"));
        body.put("path", options.get("--path"));
        body.put("interval", options.get("--interval"));
        Api.Reply reply = api.call("POST", sources, body);
        if (reply.status() != 201) {
          fail("Source not added: " + reply.error());
        }
        System.out.println("Source " + options.get("--name") + " added to newswire.sources (shard "
            + reply.body().path("shard").asText() + "); it is polled from now on, no restart needed");
      }
      case "remove" -> {
        if (args.isEmpty()) {
          usage("sources remove needs a source name (see sources list)");
        }
        Api.Reply reply = api.call("DELETE", sources + "/" + Api.encode(args.get(0)), null);
        if (reply.status() != 200) {
          fail("Source not removed: " + reply.error());
        }
        System.out.println("Source " + args.get(0) + " removed");
      }
      default -> usage("unknown sources command '" + sub + "'");
    }
  }

  /** Prints alerts as they are published, until Ctrl-C. */
  private void tail() throws Exception {
    String url = api.url("alerter", 8084) + "/alerts?after=";
    long after = 0;
    System.err.println("Following alerts (Ctrl-C to stop)...");
    while (true) {
      Api.Reply reply = api.call("GET", url + after, null);
      for (JsonNode entry : reply.body()) {
        after = Math.max(after, entry.path("sequence").asLong());
        JsonNode alert = entry.path("alert");
        if (alert.hasNonNull("copyOf")) { // a later copy of a story the rule alerted on (issue 13)
          System.out.printf("%s  [%s] + also in %s: %s%n", alert.path("matchedAt").asText(),
              alert.path("ruleName").asText(), alert.path("source").asText(), alert.path("url").asText());
          continue;
        }
        System.out.printf("%s  [%s] %s%n    %s%n    %s%n", alert.path("matchedAt").asText(),
            alert.path("ruleName").asText(), alert.path("title").asText("(untitled)"),
            alert.path("url").asText(), terminalHighlight(alert.path("snippet").asText()));
      }
      Thread.sleep(1000);
    }
  }

  /** Turns the {@code <em>} highlights into bold on a terminal, and drops them otherwise. */
  private static String terminalHighlight(String snippet) {
    boolean tty = System.console() != null;
    return snippet.replace("<em>", tty ? "\u001b[1m" : "").replace("</em>", tty ? "\u001b[0m" : "")
        .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }

  /** Takes the named options out of {@code args}; flags without a value map to "true". */
  private void dlq(List<String> args) throws Exception {
    String sub = !args.isEmpty() && !args.get(0).startsWith("--") ? args.remove(0) : "list";
    Map<String, String> options = options(args, "--topic", "--key", "--last", "--json");
    int last = 10;
    try {
      last = Integer.parseInt(options.getOrDefault("--last", "10"));
    } catch (NumberFormatException e) {
      usage("--last wants a number, not '" + options.get("--last") + "'");
    }
    DlqCommand dlq = new DlqCommand(KafkaConnection.fromEnvironment(api.kafkaBootstrapServers(), System.getenv()), System.out);
    try {
      switch (sub) {
        case "list" -> dlq.list(options.get("--topic"), last, options.containsKey("--json"));
        case "replay" -> {
          if (!options.containsKey("--topic")) {
            usage("dlq replay needs --topic, e.g. --topic newswire.raw.dlq (./newswire dlq lists them)");
          }
          dlq.replay(options.get("--topic"), options.get("--key"));
        }
        default -> usage("unknown dlq command '" + sub + "'");
      }
    } catch (IllegalArgumentException e) {
      usage(e.getMessage());
    }
  }

  private static Map<String, String> options(List<String> args, String... names) {
    Map<String, String> found = new LinkedHashMap<>();
    List<String> known = List.of(names);
    for (int i = 0; i < args.size(); ) {
      String arg = args.get(i);
      if (!arg.startsWith("--")) {
        i++;
        continue;
      }
      if (!known.contains(arg)) {
        usage("unknown option " + arg);
      }
      args.remove(i);
      boolean flag = arg.equals("--json") || arg.equals("--all") || arg.equals("--exact") || arg.equals("--newest");
      if (flag) {
        found.put(arg, "true");
      } else if (i < args.size()) {
        found.put(arg, args.remove(i));
      } else {
        usage(arg + " needs a value");
      }
    }
    return found;
  }

  private static void fail(String message) {
    System.err.println(message);
    System.exit(1);
  }

  private static void usage(String problem) {
    System.err.println(problem + "\n" + USAGE);
    System.exit(2);
  }
}
