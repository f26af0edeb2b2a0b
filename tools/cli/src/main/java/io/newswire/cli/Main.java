package io.newswire.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.kafka.KafkaConnection;
import io.newswire.model.ApiKeyFile.Role;
import io.newswire.model.Json;
import io.newswire.model.Service;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./newswire search|alerts|sources|dlq|keys ...} against a running Newswire, and {@code
 * clean} over a folder of pages, each command with its {@code --help}. Exit codes: 0 done, 1 the
 * service said no (the reason is printed), 2 wrong usage.
 */
@Command(
    name = "newswire",
    mixinStandardHelpOptions = true,
    version = "Newswire 0.1.0",
    description = {
      "Search, alert rules, sources, dead letters and API keys of a running Newswire,",
      "and the cleaner's extraction over a folder of pages (clean)."
    },
    subcommands = {
      Main.Search.class,
      Main.Alerts.class,
      Main.Sources.class,
      Main.Dlq.class,
      Main.Keys.class,
      Main.Clean.class,
      CommandLine.HelpCommand.class
    },
    footer =
        "%nAPI calls send the key in $NEWSWIRE_API_KEY, or else the one ./newswire up keeps in"
            + " .newswire/data/cli-key.")
public final class Main implements Runnable {
  @Spec CommandSpec spec;

  private static Api api;

  /** The services' addresses and the key, as ./newswire up wrote them; read on first use. */
  static Api api() throws IOException {
    if (api == null) {
      api =
          new Api(Path.of(System.getProperty("newswire.up-file", ".newswire/data/up.properties")));
    }
    return api;
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing command");
  }

  public static void main(String[] argv) {
    System.exit(commandLine().execute(argv));
  }

  static CommandLine commandLine() {
    api = null; // read again for each command line: a test runs several against different folders
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(
        (e, command, parsed) -> {
          if (e instanceof IOException) {
            command.getErr().println(e.getMessage());
            return 1;
          }
          if (e instanceof IllegalArgumentException) {
            command.getErr().println(e.getMessage());
            return 2;
          }
          throw e;
        });
    return cli;
  }

  /** A command that only groups others: run alone, it says which there are. */
  abstract static class Group implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
      throw new ParameterException(
          spec.commandLine(),
          spec.name() + " needs one of: " + String.join(", ", spec.subcommands().keySet()));
    }
  }

  @Command(
      name = "search",
      mixinStandardHelpOptions = true,
      description = "Search the indexed reports with the rules' query syntax, one hit per story.")
  static final class Search implements java.util.concurrent.Callable<Integer> {
    @Parameters(
        arity = "1..*",
        paramLabel = "QUERY",
        description = "e.g. Lavrov, \"Lavrov AND Minsk\"")
    List<String> words;

    @Option(names = "--json", description = "the indexer's answer as it is")
    boolean json;

    @Option(
        names = "--size",
        defaultValue = "10",
        description = "hits to show (default ${DEFAULT-VALUE})")
    int size;

    @Option(names = "--all", description = "every copy of a story as a hit of its own")
    boolean all;

    @Option(names = "--exact", description = "names only as written, not their other spellings")
    boolean exact;

    @Option(names = "--newest", description = "newest first rather than best match first")
    boolean newest;

    @Option(
        names = "--source",
        split = ",",
        paramLabel = "S",
        description = "only from these sources")
    List<String> sources = List.of();

    @Option(
        names = "--language",
        split = ",",
        paramLabel = "L",
        description = "only in these languages (en, ru)")
    List<String> languages = List.of();

    @Option(
        names = "--since",
        paramLabel = "DAY",
        description = "published on or after, e.g. 2024-01-01")
    String since;

    @Option(names = "--until", paramLabel = "DAY", description = "published on or before")
    String until;

    @Override
    public Integer call() throws Exception {
      String query = String.join(" ", words);
      StringBuilder url =
          new StringBuilder(api().url(Service.INDEXER))
              .append("/search?q=")
              .append(Api.encode(query))
              .append("&size=")
              .append(size)
              .append(all ? "&all=true" : "")
              .append(exact ? "&exact=true" : "")
              .append(newest ? "&sort=newest" : "");
      sources.forEach(s -> url.append("&source=").append(Api.encode(s.trim())));
      languages.forEach(l -> url.append("&language=").append(Api.encode(l.trim())));
      if (since != null) {
        url.append("&since=").append(Api.encode(since));
      }
      if (until != null) {
        url.append("&until=").append(Api.encode(until));
      }
      Api.Reply reply = api().call("GET", url.toString(), null);
      if (reply.status() != 200) {
        return fail("Search failed: " + reply.error());
      }
      if (json) {
        return printJson(reply.body());
      }
      JsonNode body = reply.body();
      System.out.println(
          body.path("stories").asLong()
              + " stories, "
              + body.path("total").asLong()
              + " reports for "
              + query);
      for (JsonNode hit : body.path("hits")) {
        System.out.println();
        System.out.println("  " + hit.path("title").asText("(untitled)"));
        System.out.println(
            "  id "
                + hit.path("id").asText()
                + "  "
                + hit.path("url").asText("")
                + (hit.path("published").isTextual()
                    ? "  published " + hit.path("published").asText()
                    : ""));
        System.out.println("  " + terminalHighlight(hit.path("snippet").asText("")));
        for (JsonNode copy : hit.path("copies")) {
          System.out.println(
              "  + also in " + copy.path("source").asText() + ": " + copy.path("url").asText(""));
        }
      }
      return 0;
    }
  }

  @Command(
      name = "alerts",
      mixinStandardHelpOptions = true,
      description = "Alert rules, and the alerts they raise.",
      subcommands = {
        AlertsAdd.class,
        AlertsList.class,
        AlertsUpdate.class,
        AlertsRemove.class,
        AlertsTail.class
      })
  static final class Alerts extends Group {
    static String rules() throws IOException {
      return api().url(Service.ALERTER) + "/rules";
    }
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Add a rule; it is active within a second.")
  static final class AlertsAdd implements java.util.concurrent.Callable<Integer> {
    @Option(
        names = "--query",
        required = true,
        paramLabel = "QUERY",
        description = "what to alert on")
    String query;

    @Option(names = "--name", description = "how alerts name the rule (default: the query)")
    String name;

    @Option(
        names = "--webhook",
        paramLabel = "URL",
        description = "POST each alert there (admin role)")
    String webhook;

    @Option(names = "--id", description = "the rule's id (default: a new one)")
    String id;

    @Option(names = "--exact", description = "names only as written, not their other spellings")
    boolean exact;

    @Override
    public Integer call() throws Exception {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("id", id);
      body.put("name", name != null ? name : query);
      body.put("query", query);
      body.put("webhook", webhook);
      body.put("exact", exact);
      Api.Reply reply = api().call("POST", Alerts.rules(), body);
      if (reply.status() != 201) {
        return fail("Rule not added: " + reply.error());
      }
      System.out.println(
          "Rule "
              + reply.body().path("id").asText()
              + " ("
              + reply.body().path("name").asText()
              + ") is active: "
              + reply.body().path("query").asText());
      String matches = reply.body().path("matches").asText(null);
      if (matches != null && !matches.equals(reply.body().path("query").asText())) {
        // names widened to their other spellings: what will fire (--exact to match the spelling
        // only)
        System.out.println("  runs as: " + matches);
      }
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the rules.")
  static final class AlertsList implements java.util.concurrent.Callable<Integer> {
    @Option(names = "--json", description = "the alerter's answer as it is")
    boolean json;

    @Override
    public Integer call() throws Exception {
      Api.Reply reply = api().call("GET", Alerts.rules(), null);
      if (json) {
        return printJson(reply.body());
      }
      System.out.println(reply.body().size() + " rule(s)");
      for (JsonNode rule : reply.body()) {
        System.out.printf(
            "  %-38s %-24s %s%n",
            rule.path("id").asText(), rule.path("name").asText(), rule.path("query").asText());
      }
      return 0;
    }
  }

  @Command(
      name = "update",
      mixinStandardHelpOptions = true,
      description = "Change a rule's query, name or webhook.")
  static final class AlertsUpdate implements java.util.concurrent.Callable<Integer> {
    @Parameters(paramLabel = "ID", description = "the rule (see alerts list)")
    String id;

    @Option(names = "--query", required = true, paramLabel = "QUERY")
    String query;

    @Option(names = "--name")
    String name;

    @Option(
        names = "--webhook",
        paramLabel = "URL",
        description = "without it, the rule has no webhook")
    String webhook;

    @Override
    public Integer call() throws Exception {
      Map<String, String> body = new LinkedHashMap<>();
      body.put("name", name);
      body.put("query", query);
      body.put("webhook", webhook);
      Api.Reply reply = api().call("PUT", Alerts.rules() + "/" + Api.encode(id), body);
      if (reply.status() != 200) {
        return fail("Rule not changed: " + reply.error());
      }
      System.out.println("Rule " + id + " now: " + reply.body().path("query").asText());
      return 0;
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a rule.")
  static final class AlertsRemove implements java.util.concurrent.Callable<Integer> {
    @Parameters(paramLabel = "ID", description = "the rule (see alerts list)")
    String id;

    @Override
    public Integer call() throws Exception {
      Api.Reply reply = api().call("DELETE", Alerts.rules() + "/" + Api.encode(id), null);
      if (reply.status() != 204) {
        return fail("Rule not removed: " + reply.error());
      }
      System.out.println("Rule " + id + " removed");
      return 0;
    }
  }

  @Command(
      name = "tail",
      mixinStandardHelpOptions = true,
      description = "Print alerts as they come, until Ctrl-C.")
  static final class AlertsTail implements java.util.concurrent.Callable<Integer> {
    @Override
    public Integer call() throws Exception {
      String url = api().url(Service.ALERTER) + "/alerts?after=";
      long after = 0;
      System.err.println("Following alerts (Ctrl-C to stop)...");
      while (true) {
        Api.Reply reply = api().call("GET", url + after, null);
        for (JsonNode entry : reply.body()) {
          after = Math.max(after, entry.path("sequence").asLong());
          JsonNode alert = entry.path("alert");
          if (alert.hasNonNull(
              "copyOf")) { // a later copy of a story the rule alerted on (issue 13)
            System.out.printf(
                "%s  [%s] + also in %s: %s%n",
                alert.path("matchedAt").asText(),
                alert.path("ruleName").asText(),
                alert.path("source").asText(),
                alert.path("url").asText());
            continue;
          }
          System.out.printf(
              "%s  [%s] %s%n    %s%n    %s%n",
              alert.path("matchedAt").asText(),
              alert.path("ruleName").asText(),
              alert.path("title").asText("(untitled)"),
              alert.path("url").asText(),
              terminalHighlight(alert.path("snippet").asText()));
        }
        Thread.sleep(1000);
      }
    }
  }

  @Command(
      name = "sources",
      mixinStandardHelpOptions = true,
      description = "The monitored sources.",
      subcommands = {SourcesList.class, SourcesAdd.class, SourcesRemove.class})
  static final class Sources extends Group {
    static String sources() throws IOException {
      return api().url(Service.FETCHER) + "/sources";
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Every source with its items seen, last success and last error.")
  static final class SourcesList implements java.util.concurrent.Callable<Integer> {
    @Option(names = "--json", description = "the fetcher's answer as it is")
    boolean json;

    @Override
    public Integer call() throws Exception {
      Api.Reply reply = api().call("GET", Sources.sources(), null);
      if (json) {
        return printJson(reply.body());
      }
      System.out.println(reply.body().size() + " source(s)");
      for (JsonNode source : reply.body()) {
        String where =
            source.path("url").isTextual()
                ? source.path("url").asText()
                : source.path("path").asText();
        if (!source.path("polledHere").asBoolean(true)) {
          System.out.printf(
              "  %-20s %-8s %s%n      from %s, polled by another fetcher instance (shard %s)%n",
              source.path("name").asText(),
              source.path("type").asText(),
              where,
              source.path("origin").asText(),
              source.path("shard").asText());
          continue;
        }
        System.out.printf(
            "  %-20s %-8s %s%n      from %s, items %d, errors %d, last success %s%s%n",
            source.path("name").asText(),
            source.path("type").asText(),
            where,
            source.path("origin").asText(),
            source.path("itemsEmitted").asLong(),
            source.path("errors").asLong(),
            source.path("lastSuccess").asText("never"),
            source.path("lastErrorReason").isTextual()
                ? ", last error "
                    + source.path("lastError").asText()
                    + ": "
                    + source.path("lastErrorReason").asText()
                : "");
      }
      return 0;
    }
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Add a source; it is polled from now on, no restart needed.")
  static final class SourcesAdd implements java.util.concurrent.Callable<Integer> {
    @Option(names = "--name", required = true)
    String name;

    @Option(names = "--type", required = true, description = "folder, feed, sitemap, page or site")
    String type;

    @Option(names = "--url", description = "a feed's, sitemap's, page's or site's address")
    String url;

    @Option(
        names = "--path",
        paramLabel = "DIR",
        description = "a folder source's folder (admin role)")
    String path;

    @Option(
        names = "--interval",
        description = "how often to poll, e.g. 10m (default: the fetcher's)")
    String interval;

    @Override
    public Integer call() throws Exception {
      Map<String, String> body = new LinkedHashMap<>();
      body.put("name", name);
      body.put("type", type);
      body.put("url", url);
      body.put("path", path);
      body.put("interval", interval);
      Api.Reply reply = api().call("POST", Sources.sources(), body);
      if (reply.status() != 201) {
        return fail("Source not added: " + reply.error());
      }
      System.out.println(
          "Source "
              + name
              + " added to newswire.sources (shard "
              + reply.body().path("shard").asText()
              + "); it is polled from now on, no restart needed");
      return 0;
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a source.")
  static final class SourcesRemove implements java.util.concurrent.Callable<Integer> {
    @Parameters(paramLabel = "NAME", description = "the source (see sources list)")
    String name;

    @Override
    public Integer call() throws Exception {
      Api.Reply reply = api().call("DELETE", Sources.sources() + "/" + Api.encode(name), null);
      if (reply.status() != 200) {
        return fail("Source not removed: " + reply.error());
      }
      System.out.println("Source " + name + " removed");
      return 0;
    }
  }

  /** What the stages dead-lettered; alone, the same as {@code dlq list}. */
  @Command(
      name = "dlq",
      mixinStandardHelpOptions = true,
      description = "What the stages could not handle, and why; replay once the cause is fixed.",
      subcommands = {DlqList.class, DlqReplay.class})
  static final class Dlq extends DlqListing {}

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description =
          "Count the dead letters of each DLQ topic by stage and reason, then show the last ones.")
  static final class DlqList extends DlqListing {}

  /** {@code dlq} and {@code dlq list}: the counts by reason and the last letters. */
  abstract static class DlqListing implements java.util.concurrent.Callable<Integer> {
    @Option(names = "--topic", paramLabel = "TOPIC.dlq", description = "one DLQ topic only")
    String topic;

    @Option(
        names = "--last",
        defaultValue = "10",
        description = "dead letters to show (default ${DEFAULT-VALUE})")
    int last;

    @Option(names = "--json", description = "every letter with every header")
    boolean json;

    @Override
    public Integer call() throws Exception {
      dlqCommand().list(topic, last, json);
      return 0;
    }
  }

  @Command(
      name = "replay",
      mixinStandardHelpOptions = true,
      description = "Send a DLQ's letters back to the topic they came from.")
  static final class DlqReplay implements java.util.concurrent.Callable<Integer> {
    @Option(
        names = "--topic",
        required = true,
        paramLabel = "TOPIC.dlq",
        description = "e.g. newswire.raw.dlq")
    String topic;

    @Option(names = "--key", description = "only the letters of this key")
    String key;

    @Override
    public Integer call() throws Exception {
      dlqCommand().replay(topic, key);
      return 0;
    }
  }

  private static DlqCommand dlqCommand() throws IOException {
    return new DlqCommand(
        KafkaConnection.fromEnvironment(api().kafkaBootstrapServers(), System.getenv()),
        System.out);
  }

  /** API keys; alone, the same as {@code keys list}. */
  @Command(
      name = "keys",
      mixinStandardHelpOptions = true,
      description = "The API keys the services accept; they pick a change up within a second.",
      subcommands = {KeysList.class, KeysAdd.class, KeysRevoke.class})
  static final class Keys extends KeysListing {}

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "The keys' names and roles.")
  static final class KeysList extends KeysListing {}

  /** {@code keys} and {@code keys list}. */
  abstract static class KeysListing implements java.util.concurrent.Callable<Integer> {
    @Override
    public Integer call() throws Exception {
      keys().list();
      return 0;
    }
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Make a key; it is printed this once.")
  static final class KeysAdd implements java.util.concurrent.Callable<Integer> {
    @Option(names = "--name", required = true)
    String name;

    @Option(names = "--role", required = true, description = "reader, editor or admin")
    String role;

    @Override
    public Integer call() throws Exception {
      keys().add(name, Role.parse(role));
      return 0;
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a key.")
  static final class KeysRevoke implements java.util.concurrent.Callable<Integer> {
    @Parameters(paramLabel = "NAME", description = "the key (see keys list)")
    String name;

    @Override
    public Integer call() throws Exception {
      keys().revoke(name);
      return 0;
    }
  }

  @Command(
      name = "clean",
      mixinStandardHelpOptions = true,
      description = {
        "Clean every .html, .htm and .txt file of a folder as the cleaner does and write",
        "{\"<file name>\": {title, articleBody, published, authors, language, section}}.",
        "HTML is read as UTF-8, .txt as a plain-text report. Needs no running Newswire;",
        "exits 1 if a file could not be cleaned (each is named with its reason)."
      })
  static final class Clean implements java.util.concurrent.Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "DIR", description = "the pages")
    Path input;

    @Option(
        names = "--output",
        required = true,
        paramLabel = "FILE.json",
        description = "where the results go")
    Path output;

    @Override
    public Integer call() throws IOException {
      if (!java.nio.file.Files.isDirectory(input)) {
        throw new ParameterException(spec.commandLine(), "--input is not a folder: " + input);
      }
      return CleanCommand.run(input, output, System.err);
    }
  }

  private static KeysCommand keys() throws IOException {
    return new KeysCommand(api().dataDir().resolve("api-keys"), System.out);
  }

  private static int printJson(JsonNode body) throws IOException {
    System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(body));
    return 0;
  }

  private static int fail(String message) {
    System.err.println(message);
    return 1;
  }

  /** Turns the {@code <em>} highlights into bold on a terminal, and drops them otherwise. */
  private static String terminalHighlight(String snippet) {
    boolean tty = System.console() != null;
    return snippet
        .replace("<em>", tty ? "\u001b[1m" : "")
        .replace("</em>", tty ? "\u001b[0m" : "")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }
}
