package io.newswire.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.model.Json;
import io.newswire.model.Service;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/**
 * HTTP calls to the services of a running Newswire, found through the launcher's up file, with the
 * API key from {@code NEWSWIRE_API_KEY} or else the launcher's {@code cli-key} beside it.
 */
final class Api {
  /** Environment variable that overrides the key file, e.g. for a deployment elsewhere. */
  static final String KEY_VARIABLE = "NEWSWIRE_API_KEY";

  private final Properties urls = new Properties();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  private final Path keyFile;
  private String key;

  Api(Path upFile) throws IOException {
    if (upFile != null && Files.isRegularFile(upFile)) {
      try (InputStream in = Files.newInputStream(upFile)) {
        urls.load(in);
      }
    }
    Path dataDir = upFile == null ? Path.of(".newswire/data") : upFile.toAbsolutePath().getParent();
    this.keyFile = dataDir.resolve("cli-key");
  }

  /** The data folder of the launcher, where the key files are. */
  Path dataDir() {
    return keyFile.getParent();
  }

  private String key() throws IOException {
    if (key == null) {
      String fromEnv = System.getenv(KEY_VARIABLE);
      if (fromEnv != null && !fromEnv.isBlank()) {
        key = fromEnv.strip();
      } else if (Files.isReadable(keyFile)) {
        key = Files.readString(keyFile).strip();
      } else {
        key = "";
      }
    }
    return key;
  }

  /** Base URL of a service: from the up file, or its default port on this machine. */
  String url(Service service) {
    return urls.getProperty(service.urlKey(), "http://127.0.0.1:" + service.defaultPort());
  }

  /** The broker of the running Newswire, from the launcher's up file. */
  String kafkaBootstrapServers() throws IOException {
    String servers =
        urls.getProperty("kafka.bootstrap.servers", System.getenv("KAFKA_BOOTSTRAP_SERVERS"));
    if (servers == null && System.getenv("NEWSWIRE_KAFKA_CONFIG") != null) {
      return "localhost:9092"; // the file's bootstrap.servers wins
      // (KafkaConnection.fromEnvironment)
    }
    if (servers == null) {
      throw new IOException(
          "Newswire is not running here (no up file with the broker's address); start it with"
              + " ./newswire up, or set KAFKA_BOOTSTRAP_SERVERS (and NEWSWIRE_KAFKA_CONFIG for a secured cluster)");
    }
    return servers;
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Status and JSON body of one call. */
  record Reply(int status, JsonNode body) {
    String error() {
      JsonNode error = body == null ? null : body.path("error");
      return error != null && error.isTextual() ? error.asText() : "HTTP " + status;
    }
  }

  Reply call(String method, String url, Object body) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    if (!key().isEmpty()) {
      request.header("Authorization", "Bearer " + key());
    }
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofByteArray(Json.write(body)));
    }
    HttpResponse<byte[]> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (ConnectException e) {
      throw new IOException(
          "Newswire is not running at "
              + URI.create(url).resolve("/")
              + "; start it with ./newswire up");
    }
    JsonNode json = null;
    if (response.body().length > 0) {
      try {
        json = Json.mapper().readTree(response.body());
      } catch (IOException e) {
        json =
            Json.mapper()
                .getNodeFactory()
                .textNode(new String(response.body(), StandardCharsets.UTF_8));
      }
    }
    if (response.statusCode() == 401 && key().isEmpty()) {
      throw new IOException(
          "No API key: "
              + keyFile
              + " does not exist and "
              + KEY_VARIABLE
              + " is not set. ./newswire up creates the key file; for another deployment, set "
              + KEY_VARIABLE
              + ".");
    }
    return new Reply(response.statusCode(), json);
  }
}
