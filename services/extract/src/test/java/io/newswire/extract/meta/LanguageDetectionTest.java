package io.newswire.extract.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class LanguageDetectionTest {

  @Test
  void theTextDecidesOverATemplatesDeclaration() {
    String english = "The president met the leaders of the opposition on Tuesday and promised a new election law "
        + "before the end of the year, according to officials who attended the meeting.";
    assertEquals("en", LanguageDetection.detect(english, "de"));
  }

  @Test
  void closeSlavicLanguagesAreToldApart() {
    assertEquals("be", LanguageDetection.detect(
        "Аляксандр Лукашэнка сустрэўся ў Мінску з прадстаўнікамі ўрада і абмеркаваў становішча ў эканоміцы краіны.",
        null));
    assertEquals("ru", LanguageDetection.detect(
        "Александр Лукашенко встретился в Минске с представителями правительства и обсудил положение в экономике.",
        null));
    assertEquals("uk", LanguageDetection.detect(
        "Президент України зустрівся з представниками уряду і обговорив становище в економіці країни та санкції.",
        null));
  }

  @Test
  void aDeclarationSettlesANearTieBetweenCloseLanguages() {
    String malayOrIndonesian = "Pemerintah akan membangun jalan baru di kota itu tahun depan untuk mengurangi kemacetan.";
    assertEquals("id", LanguageDetection.detect(malayOrIndonesian, "id"));
    assertEquals("id", LanguageDetection.detect(malayOrIndonesian, "en"), "a far one is overruled");
  }

  @Test
  void textThatTellsNothingKeepsTheDeclaration() {
    assertEquals("fr", LanguageDetection.detect("12:45 — 3/4", "fr"));
    assertNull(LanguageDetection.detect("12:45 — 3/4", null));
  }

  @Test
  void declarationsAreNormalisedToIso6391() {
    assertEquals("en", LanguageDetection.normalise("en-US"));
    assertEquals("de", LanguageDetection.normalise("DEU"));
    assertNull(LanguageDetection.normalise("x-klingon"));
  }
}
