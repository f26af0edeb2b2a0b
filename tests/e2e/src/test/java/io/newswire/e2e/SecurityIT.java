package io.newswire.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.newswire.kafka.DeadLetters;
import io.newswire.launcher.Pipeline;
import io.newswire.model.ApiKeyFile;
import io.newswire.model.ApiKeyFile.Role;
import io.newswire.model.Json;
import io.newswire.model.Rule;
import io.newswire.model.SchemaVersions;
import io.newswire.model.Service;
import io.newswire.model.Topics;
import io.newswire.testing.TopicSnapshot;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, tried from outside as a colleague or an attacker on the same network would, against the
 * whole of Newswire as {@code ./newswire up} runs it: who may call what, what a folder source and a
 * webhook may reach, and that one poisoned webhook cannot make another rule's receiver get its
 * alert twice.
 */
class SecurityIT {
  @TempDir static Path work;
  private static Path watched;
  private static Pipeline pipeline;
  private static String reader;
  private static String editor;

  @BeforeAll
  static void startNewswire() throws Exception {
    watched = Files.createDirectories(work.resolve("reports"));
    // receivers of this test listen on 127.0.0.1; every other private address stays refused
    pipeline =
        TestPipelines.start(
            work,
            "sources:\n  - name: watched\n    type: folder\n    path: " + watched + "\n",
            Map.of("newswire.alerter.webhook-allow-private", "127.0.0.1/32"));
    reader = ApiKeyFile.add(pipeline.keysFile(), "it-reader", Role.READER);
    editor = ApiKeyFile.add(pipeline.keysFile(), "it-editor", Role.EDITOR);
    Thread.sleep(1200); // services look at the key file at most once a second
  }

  @AfterAll
  static void stopNewswire() {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  private static String url(Service service, String path) {
    return pipeline.url(service) + path;
  }

  @Test
  void everyApiButHealthAsksForAKeyAndSaysHowToSendOne() throws Exception {
    List<String[]> calls =
        List.of(
            new String[] {"GET", url(Service.INDEXER, "/search?q=NATO")},
            new String[] {"GET", url(Service.ALERTER, "/rules")},
            new String[] {"POST", url(Service.ALERTER, "/rules")},
            new String[] {"PUT", url(Service.ALERTER, "/rules/x")},
            new String[] {"DELETE", url(Service.ALERTER, "/rules/x")},
            new String[] {"GET", url(Service.ALERTER, "/alerts")},
            new String[] {"GET", url(Service.FETCHER, "/sources")},
            new String[] {"POST", url(Service.FETCHER, "/sources")},
            new String[] {"DELETE", url(Service.FETCHER, "/sources/x")});
    for (String[] call : calls) {
      String body =
          call[0].equals("POST") || call[0].equals("PUT")
              ? "{\"name\":\"n\",\"query\":\"NATO\"}"
              : null;
      var anonymous = Http.as(null, call[0], call[1], body);
      assertEquals(401, anonymous.status(), call[0] + " " + call[1]);
      assertTrue(
          anonymous.body().path("error").asText().contains("Authorization: Bearer"),
          String.valueOf(anonymous.body()));
      var forged = Http.as("nwk_not-a-key", call[0], call[1], body);
      assertEquals(401, forged.status(), call[0] + " " + call[1]);
    }
    for (Service service : Service.START_ORDER) {
      assertEquals(
          200, Http.as(null, "GET", url(service, "/q/health/ready"), null).status(), service.id());
      if (service != Service.CONSOLE) { // pages, not metrics; ConsoleIT checks its sign-in
        assertEquals(
            401, Http.as(null, "GET", url(service, "/q/metrics"), null).status(), service.id());
      }
    }
  }

  @Test
  void eachRoleMayDoWhatItIsForAndNoMore() throws Exception {
    assertEquals(
        200, Http.as(reader, "GET", url(Service.INDEXER, "/search?q=NATO"), null).status());
    assertEquals(200, Http.as(reader, "GET", url(Service.ALERTER, "/rules"), null).status());
    assertEquals(200, Http.as(reader, "GET", url(Service.FETCHER, "/sources"), null).status());
    var readerAdds =
        Http.as(
            reader, "POST", url(Service.ALERTER, "/rules"), "{\"name\":\"n\",\"query\":\"NATO\"}");
    assertEquals(403, readerAdds.status());
    assertTrue(
        readerAdds.body().path("error").asText().contains("editor"),
        String.valueOf(readerAdds.body()));
    assertEquals(
        403,
        Http.as(
                reader,
                "POST",
                url(Service.FETCHER, "/sources"),
                "{\"name\":\"f\",\"type\":\"feed\",\"url\":\"https://example.org/feed.xml\"}")
            .status());

    // an editor adds and changes rules and web sources, but neither webhooks nor folders
    var added =
        Http.as(
            editor,
            "POST",
            url(Service.ALERTER, "/rules"),
            "{\"id\":\"sec-owned\",\"name\":\"n\",\"query\":\"NATO\"}");
    assertEquals(201, added.status(), String.valueOf(added.body()));
    var hook =
        Http.as(
            editor,
            "POST",
            url(Service.ALERTER, "/rules"),
            "{\"name\":\"h\",\"query\":\"NATO\",\"webhook\":\"https://hooks.example.org/x\"}");
    assertEquals(403, hook.status());
    assertTrue(hook.body().path("error").asText().contains("admin"), String.valueOf(hook.body()));
    assertEquals(
        403,
        Http.as(
                editor,
                "POST",
                url(Service.FETCHER, "/sources"),
                "{\"name\":\"f\",\"type\":\"folder\",\"path\":\"" + watched + "\"}")
            .status());
    var feed =
        Http.as(
            editor,
            "POST",
            url(Service.FETCHER, "/sources"),
            "{\"name\":\"sec-feed\",\"type\":\"feed\",\"url\":\"https://example.org/feed.xml\"}");
    assertEquals(201, feed.status(), String.valueOf(feed.body()));
    assertEquals(
        200, Http.as(editor, "DELETE", url(Service.FETCHER, "/sources/sec-feed"), null).status());
  }

  @Test
  void aRuleCannotBeTakenOverByReusingItsId() throws Exception {
    var first =
        Http.as(
            editor,
            "POST",
            url(Service.ALERTER, "/rules"),
            "{\"id\":\"sec-mine\",\"name\":\"mine\",\"query\":\"NATO\"}");
    assertEquals(201, first.status(), String.valueOf(first.body()));
    Await.until(
        "the rule to reach the alerter",
        Duration.ofSeconds(10),
        () -> Http.get(url(Service.ALERTER, "/rules")).body(),
        rules -> contains(rules, "sec-mine"));
    var takeover =
        Http.as(
            editor,
            "POST",
            url(Service.ALERTER, "/rules"),
            "{\"id\":\"sec-mine\",\"name\":\"theirs\",\"query\":\"Wagner\"}");
    assertEquals(409, takeover.status());
    assertTrue(
        takeover.body().path("error").asText().contains("PUT /rules/sec-mine"),
        String.valueOf(takeover.body()));
    var update =
        Http.as(
            editor,
            "PUT",
            url(Service.ALERTER, "/rules/sec-mine"),
            "{\"query\":\"NATO OR Wagner\"}");
    assertEquals(200, update.status(), String.valueOf(update.body()));
    assertEquals("mine", update.body().path("name").asText());
    assertEquals(
        404,
        Http.as(editor, "PUT", url(Service.ALERTER, "/rules/sec-nobody"), "{\"query\":\"NATO\"}")
            .status());
  }

  /**
   * Issue 14: every service names the caller's key and role, so the console offers what that role
   * may do.
   */
  @Test
  void whoamiNamesTheKeyAndItsRoleOnEveryService() throws Exception {
    for (Service service : Service.CONSOLE_BACKENDS) {
      var asReader = Http.as(reader, "GET", url(service, "/auth/whoami"), null);
      assertEquals(200, asReader.status(), service.id());
      assertEquals("it-reader", asReader.body().path("name").asText(), service.id());
      assertEquals("reader", asReader.body().path("role").asText(), service.id());
      assertEquals(
          "editor",
          Http.as(editor, "GET", url(service, "/auth/whoami"), null).body().path("role").asText());
      assertEquals(
          401, Http.as(null, "GET", url(service, "/auth/whoami"), null).status(), service.id());
    }
    assertEquals(
        "admin", Http.get(url(Service.INDEXER, "/auth/whoami")).body().path("role").asText());
  }

  @Test
  void keysAreAddedAndRevokedWithoutARestart() throws Exception {
    String key = ApiKeyFile.add(pipeline.keysFile(), "it-temporary", Role.READER);
    Await.until(
        "the new key to be accepted",
        Duration.ofSeconds(5),
        () -> Http.as(key, "GET", url(Service.INDEXER, "/search?q=NATO"), null).status(),
        s -> s == 200);
    assertTrue(ApiKeyFile.revoke(pipeline.keysFile(), "it-temporary"));
    Await.until(
        "the revoked key to be refused",
        Duration.ofSeconds(5),
        () -> Http.as(key, "GET", url(Service.INDEXER, "/search?q=NATO"), null).status(),
        s -> s == 401);
    // the file keeps hashes only
    assertFalse(Files.readString(pipeline.keysFile()).contains(pipeline.apiKey()));
    assertEquals(
        "rw-------",
        java.nio.file.attribute.PosixFilePermissions.toString(
            Files.getPosixFilePermissions(pipeline.keysFile())));
  }

  @Test
  void servicesListenOnLoopbackOnly() throws Exception {
    InetAddress external = nonLoopbackAddress();
    if (external == null) {
      return; // a machine with loopback only has no other interface to try
    }
    for (Service service : Service.START_ORDER) {
      int port =
          Integer.parseInt(
              pipeline.url(service).substring(pipeline.url(service).lastIndexOf(':') + 1));
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(external, port), 1000);
        throw new AssertionError(
            service + " accepts connections on " + external.getHostAddress() + ":" + port);
      } catch (IOException expected) {
        // refused: bound to 127.0.0.1
      }
    }
  }

  @Test
  void aFolderOutsideTheRootsIsRefusedAndNothingHiddenOrOutsideIsIndexed() throws Exception {
    Path outside = Files.createDirectories(work.resolve("private"));
    Files.writeString(
        outside.resolve("creds.txt"),
        "Zanzibarquux credentials of the operator, not a report at all.");
    var refused =
        Http.post(
            url(Service.FETCHER, "/sources"),
            "{\"name\":\"sec-outside\",\"type\":\"folder\",\"path\":\"" + outside + "\"}");
    assertEquals(400, refused.status());
    assertTrue(
        refused.body().path("error").asText().contains("newswire.fetcher.folder-roots"),
        String.valueOf(refused.body()));

    // inside the watched folder: a hidden folder, a hidden file and a link out are not read either
    Files.createDirectories(watched.resolve(".hidden"));
    Files.writeString(
        watched.resolve(".hidden/creds.txt"),
        "Quuxhidden password of somebody, inside a hidden folder.");
    Files.writeString(
        watched.resolve(".env.txt"), "Quuxdotfile token of somebody, in a hidden file.");
    Files.createSymbolicLink(watched.resolve("link.txt"), outside.resolve("creds.txt"));
    Files.writeString(
        watched.resolve("visible.txt"),
        "Visiblemarker report. NATO ministers met in Brussels on Tuesday to discuss the alliance's eastern flank.");
    Await.until(
        "the visible report to be searchable",
        SeedScenario.INGEST_TIMEOUT,
        () ->
            Http.get(url(Service.INDEXER, "/search?q=Visiblemarker")).body().path("total").asLong(),
        n -> n == 1);
    for (String word : List.of("Zanzibarquux", "Quuxhidden", "Quuxdotfile")) {
      assertEquals(
          0,
          Http.get(url(Service.INDEXER, "/search?q=" + word)).body().path("total").asLong(),
          word);
    }
  }

  @Test
  void webhooksToPrivateAddressesOrOtherSchemesAreRefusedWhenTheRuleIsCreated() throws Exception {
    for (String hook :
        List.of(
            "http://127.0.0.2:9/x",
            "http://169.254.169.254/latest/meta-data/",
            "http://[::1]:9/x",
            "http://10.1.2.3/x",
            "ftp://x",
            "file:///etc/passwd")) {
      var reply =
          Http.post(
              url(Service.ALERTER, "/rules"),
              "{\"name\":\"h\",\"query\":\"NATO\",\"webhook\":\"" + hook + "\"}");
      assertEquals(400, reply.status(), hook + ": " + reply.body());
      String error = reply.body().path("error").asText();
      assertTrue(
          error.contains("newswire.alerter.webhook-allow-private")
              || error.contains("http or https"),
          error);
    }
  }

  /**
   * The case of the issue: a rule with {@code ftp://x} (written to the rules topic directly, as one
   * from before webhooks were checked would be) beside a healthy rule; the healthy receiver gets
   * its alert exactly once, the poisoned one is dead-lettered with its reason, and a receiver that
   * redirects is not followed.
   */
  @Test
  void aPoisonedWebhookNeitherBlocksNorRepeatsAnotherRulesDelivery() throws Exception {
    List<String> received = new CopyOnWriteArrayList<>();
    List<String> signatures = new CopyOnWriteArrayList<>();
    List<String> timestamps = new CopyOnWriteArrayList<>();
    HttpServer receiver =
        HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          received.add(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          signatures.add(exchange.getRequestHeaders().getFirst("X-Newswire-Signature"));
          timestamps.add(exchange.getRequestHeaders().getFirst("X-Newswire-Timestamp"));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.createContext(
        "/moved",
        exchange -> {
          exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
          exchange.sendResponseHeaders(302, -1);
          exchange.close();
        });
    receiver.start();
    try {
      String base = "http://127.0.0.1:" + receiver.getAddress().getPort();
      var healthy =
          Http.post(
              url(Service.ALERTER, "/rules"),
              "{\"id\":\"sec-healthy\",\"name\":\"Healthy\",\"query\":\"Poisontest\",\"webhook\":\""
                  + base
                  + "/hook?token=s3cr3t\"}");
      assertEquals(201, healthy.status(), String.valueOf(healthy.body()));
      String secret = healthy.body().path("webhookSecret").asText();
      assertTrue(secret.startsWith("whsec_"), secret);
      var moved =
          Http.post(
              url(Service.ALERTER, "/rules"),
              "{\"id\":\"sec-moved\",\"name\":\"Moved\",\"query\":\"Poisontest\",\"webhook\":\""
                  + base
                  + "/moved\"}");
      assertEquals(201, moved.status(), String.valueOf(moved.body()));
      Rule poisoned =
          new Rule(
              SchemaVersions.RULE,
              "sec-poisoned",
              "Poisoned",
              "Poisontest",
              "ftp://x",
              null,
              Instant.now(),
              false);
      try (KafkaProducer<String, byte[]> producer = producer()) {
        producer
            .send(new ProducerRecord<>(Topics.RULES, poisoned.id(), Json.write(poisoned)))
            .get();
      }
      Await.until(
          "the three rules to reach the alerter",
          Duration.ofSeconds(10),
          () -> Http.get(url(Service.ALERTER, "/rules")).body(),
          rules ->
              contains(rules, "sec-healthy")
                  && contains(rules, "sec-moved")
                  && contains(rules, "sec-poisoned"));

      // listed redacted: the path (and its token) and the secret never come back
      JsonNode listed = find(Http.get(url(Service.ALERTER, "/rules")).body(), "sec-healthy");
      assertEquals(base + "/…", listed.path("webhook").asText());
      assertTrue(listed.path("webhookSecret").isNull(), String.valueOf(listed));

      Files.writeString(
          watched.resolve("poison.txt"),
          "Poisontest report. Ministers met in Brussels on Tuesday and agreed on nothing at all, again.");
      Await.until(
          "the healthy receiver's delivery",
          Duration.ofSeconds(60),
          () -> received,
          r -> !r.isEmpty());
      List<ConsumerRecord<String, byte[]>> letters =
          Await.until(
              "dead letters of the ftp and the redirecting rule",
              Duration.ofSeconds(60),
              () ->
                  TopicSnapshot.read(
                      pipeline.stack().bootstrapServers(), Topics.dlq(Topics.ALERTS)),
              r -> r.size() >= 2);
      Thread.sleep(
          10_000); // a dispatcher restarted from its last commit would deliver again within this
      assertEquals(1, received.size(), "deliveries to the healthy receiver: " + received);
      assertTrue(received.get(0).contains("\"ruleId\":\"sec-healthy\""), received.get(0));
      // verified as the README tells a receiver to: HMAC-SHA256 of "TIMESTAMP.BODY" with the rule's
      // secret
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(
          new javax.crypto.spec.SecretKeySpec(
              secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] expected =
          mac.doFinal((timestamps.get(0) + "." + received.get(0)).getBytes(StandardCharsets.UTF_8));
      assertEquals("sha256=" + java.util.HexFormat.of().formatHex(expected), signatures.get(0));

      List<String> reasons =
          letters.stream().map(l -> DeadLetters.header(l.headers(), DeadLetters.REASON)).toList();
      assertTrue(
          reasons.stream().anyMatch(r -> r.contains("sec-poisoned") && r.contains("http or https")),
          reasons.toString());
      assertTrue(
          reasons.stream().anyMatch(r -> r.contains("sec-moved") && r.contains("not followed")),
          reasons.toString());
      for (ConsumerRecord<String, byte[]> letter : letters) {
        letter
            .headers()
            .forEach(
                h ->
                    assertFalse(
                        new String(h.value(), StandardCharsets.UTF_8).contains("s3cr3t"), h.key()));
      }
      assertEquals(2, letters.size(), "one letter per failing rule, none repeated: " + reasons);
    } finally {
      receiver.stop(0);
    }
  }

  private static boolean contains(JsonNode rules, String id) {
    return find(rules, id) != null;
  }

  private static JsonNode find(JsonNode rules, String id) {
    for (JsonNode rule : rules) {
      if (rule.path("id").asText().equals(id)) {
        return rule;
      }
    }
    return null;
  }

  private static InetAddress nonLoopbackAddress() throws IOException {
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!nic.isUp() || nic.isLoopback()) {
        continue;
      }
      for (InetAddress address : Collections.list(nic.getInetAddresses())) {
        if (address instanceof Inet4Address) {
          return address;
        }
      }
    }
    return null;
  }

  private static KafkaProducer<String, byte[]> producer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.stack().bootstrapServers(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
  }
}
