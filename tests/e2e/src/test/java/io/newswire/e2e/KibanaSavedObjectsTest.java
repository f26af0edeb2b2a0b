package io.newswire.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.model.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kibana saved objects compose imports ({@code deploy/kibana/newswire.ndjson}, issue 14): every
 * object carries the migration fields a Kibana 9 export writes, so Kibana migrates it from the
 * version it declares instead of guessing, and nothing in it points at an object or a field that is
 * not there. Kibana cannot run here; this is what can be checked without it.
 */
class KibanaSavedObjectsTest {
  /**
   * The {@code typeMigrationVersion} of each type as Kibana 9.1 exports it, for the attribute
   * shapes the file uses: a type with model versions writes {@code 10.<model version>.0}. Kibana
   * refuses an object whose version is newer than it knows ("belongs to a more recent version of
   * Kibana"), and migrates an older one on import, so these are the versions compose's Kibana (9.2)
   * accepts and upgrades (it adds tabs to the saved searches). A new type needs its version here,
   * read from an export of the Kibana the compose file runs.
   */
  static final Map<String, String> TYPE_MIGRATION_VERSIONS =
      Map.of(
          // no model versions: the last migration (7.11.0) or the multi-namespace conversion
          // (8.0.0)
          "index-pattern", "8.0.0",
          // model version 5 (density), the flat attributes without tabs that model version 6 adds
          "search", "10.5.0",
          // model version 3 (collapsible sections, 9.1); 4 (access control) is 9.3
          "dashboard", "10.3.0");

  /**
   * Core's own migrations end at 8.8.0 (migration versions split into core and type that release).
   */
  static final String CORE_MIGRATION_VERSION = "8.8.0";

  /** What the saved objects show: the alias the indexer writes and searches go through. */
  static final String ALIAS = "newswire";

  private static final Path FILE = SeedScenario.repoRoot().resolve("deploy/kibana/newswire.ndjson");
  private static final Path TEMPLATE =
      SeedScenario.repoRoot().resolve("deploy/elasticsearch/newswire-template.json");

  private static List<JsonNode> objects;
  private static JsonNode exportDetails;

  @BeforeAll
  static void read() throws IOException {
    objects = new ArrayList<>();
    int lineNo = 0;
    for (String line : Files.readAllLines(FILE, StandardCharsets.UTF_8)) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      JsonNode node;
      try {
        node = Json.mapper().readTree(line);
      } catch (IOException e) {
        throw new AssertionError(FILE + " line " + lineNo + " is not JSON: " + e.getMessage(), e);
      }
      if (node.has("exportedCount")) {
        assertTrue(exportDetails == null, "a second export summary line at line " + lineNo);
        exportDetails = node;
      } else {
        assertTrue(
            exportDetails == null, "line " + lineNo + ": an object after the export summary line");
        objects.add(node);
      }
    }
    assertFalse(objects.isEmpty(), FILE + " holds no saved objects");
  }

  @Test
  void everyObjectCarriesKibana9MigrationFields() {
    for (JsonNode o : objects) {
      String type = o.path("type").asText();
      String what = type + " " + o.path("id").asText();
      assertFalse(o.path("id").asText().isEmpty(), "an object without an id: " + o);
      assertTrue(o.path("attributes").isObject(), what + ": no attributes");
      assertTrue(o.path("references").isArray(), what + ": no references array");
      String expected = TYPE_MIGRATION_VERSIONS.get(type);
      if (expected == null) {
        fail(
            what
                + ": type '"
                + type
                + "' has no known typeMigrationVersion; add it to TYPE_MIGRATION_VERSIONS from"
                + " an export of the Kibana docker-compose.yml runs");
      }
      assertEquals(
          expected, o.path("typeMigrationVersion").asText(null), what + ": typeMigrationVersion");
      assertEquals(
          CORE_MIGRATION_VERSION,
          o.path("coreMigrationVersion").asText(null),
          what + ": coreMigrationVersion");
      assertTrue(
          o.path("managed").isBoolean(),
          what + ": managed must be true or false, is " + o.get("managed"));
      assertFalse(
          o.path("managed").asBoolean(), what + ": managed objects cannot be edited in Kibana");
      // the pre-8.8 form: an export from before typeMigrationVersion existed
      assertFalse(o.has("migrationVersion"), what + ": the legacy migrationVersion field");
    }
  }

  @Test
  void referencesResolveToObjectsInTheFile() {
    Set<String> present = new HashSet<>();
    for (JsonNode o : objects) {
      assertTrue(
          present.add(key(o.path("type").asText(), o.path("id").asText())),
          "two objects are " + key(o.path("type").asText(), o.path("id").asText()));
    }
    for (JsonNode o : objects) {
      String what = o.path("type").asText() + " " + o.path("id").asText();
      Set<String> names = new HashSet<>();
      for (JsonNode ref : o.path("references")) {
        assertTrue(
            names.add(ref.path("name").asText()),
            what + ": two references named " + ref.path("name"));
        assertTrue(
            present.contains(key(ref.path("type").asText(), ref.path("id").asText())),
            what + ": reference " + ref + " names no object of the file");
      }
      JsonNode searchSource =
          embedded(o, o.path("attributes").path("kibanaSavedObjectMeta").path("searchSourceJSON"));
      if (searchSource != null && searchSource.has("indexRefName")) {
        String name = searchSource.path("indexRefName").asText();
        assertTrue(
            names.contains(name),
            what + ": searchSourceJSON's indexRefName '" + name + "' is no reference");
      }
      JsonNode panels = embedded(o, o.path("attributes").path("panelsJSON"));
      for (JsonNode panel : panels == null ? List.<JsonNode>of() : panels) {
        String ref = panel.path("panelRefName").asText();
        // an export names a panel's reference "<panelIndex>:<panelRefName>"
        String name = panel.path("panelIndex").asText() + ":" + ref;
        assertTrue(
            names.contains(name),
            what
                + ": panel "
                + panel.path("panelIndex")
                + " wants reference '"
                + name
                + "', the references are "
                + names);
      }
    }
  }

  @Test
  void exportSummaryCountsTheObjects() {
    assertNotNull(
        exportDetails, "no export summary line (exportedCount) at the end, as an export writes it");
    assertEquals(objects.size(), exportDetails.path("exportedCount").asInt(), "exportedCount");
    assertEquals(0, exportDetails.path("missingRefCount").asInt(), "missingRefCount");
  }

  /**
   * The data view is the alias, and every field the searches show or sort by is one the template
   * maps.
   */
  @Test
  void dataViewAndSearchesMatchTheIndexTemplate() throws IOException {
    JsonNode mapped =
        Json.mapper()
            .readTree(TEMPLATE.toFile())
            .path("template")
            .path("mappings")
            .path("properties");
    JsonNode dataView =
        objects.stream()
            .filter(o -> o.path("type").asText().equals("index-pattern"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no data view (index-pattern) in " + FILE));
    assertEquals(
        ALIAS, dataView.path("attributes").path("title").asText(), "the data view's index pattern");
    String timeField = dataView.path("attributes").path("timeFieldName").asText();
    assertTrue(mapped.has(timeField), "time field '" + timeField + "' is not in " + TEMPLATE);
    int searches = 0;
    for (JsonNode o : objects) {
      if (!o.path("type").asText().equals("search")) {
        continue;
      }
      searches++;
      for (JsonNode column : o.path("attributes").path("columns")) {
        assertTrue(
            mapped.has(column.asText()),
            o.path("id").asText() + ": column " + column + " is not mapped");
      }
      for (JsonNode sort : o.path("attributes").path("sort")) {
        assertTrue(
            mapped.has(sort.path(0).asText()),
            o.path("id").asText() + ": sort " + sort + " is not mapped");
      }
    }
    assertTrue(searches > 0, "no saved search in " + FILE);
  }

  /** A JSON attribute stored as a string, parsed; null when absent. */
  private static JsonNode embedded(JsonNode object, JsonNode value) {
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    try {
      return Json.mapper().readTree(value.asText());
    } catch (IOException e) {
      throw new AssertionError(
          object.path("type").asText()
              + " "
              + object.path("id").asText()
              + ": "
              + value
              + " is not JSON: "
              + e.getMessage(),
          e);
    }
  }

  private static String key(String type, String id) {
    return type + ":" + id;
  }
}
