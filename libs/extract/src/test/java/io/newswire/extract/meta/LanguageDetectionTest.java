package io.newswire.extract.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LanguageDetectionTest {

  @Test
  void theTextDecidesOverATemplatesDeclaration() {
    String english =
        "The president met the leaders of the opposition on Tuesday and promised a new election law "
            + "before the end of the year, according to officials who attended the meeting.";
    assertEquals("en", LanguageDetection.detect(english, "de"));
  }

  @Test
  void closeSlavicLanguagesAreToldApart() {
    assertEquals(
        "be",
        LanguageDetection.detect(
            "Аляксандр Лукашэнка сустрэўся ў Мінску з прадстаўнікамі ўрада і абмеркаваў становішча ў эканоміцы краіны.",
            null));
    assertEquals(
        "ru",
        LanguageDetection.detect(
            "Александр Лукашенко встретился в Минске с представителями правительства и обсудил положение в экономике.",
            null));
    assertEquals(
        "uk",
        LanguageDetection.detect(
            "Президент України зустрівся з представниками уряду і обговорив становище в економіці країни та санкції.",
            null));
  }

  @Test
  void aDeclarationSettlesANearTieBetweenCloseLanguages() {
    String malayOrIndonesian =
        "Pemerintah akan membangun jalan baru di kota itu tahun depan untuk mengurangi kemacetan.";
    assertEquals("id", LanguageDetection.detect(malayOrIndonesian, "id"));
    assertEquals("id", LanguageDetection.detect(malayOrIndonesian, "en"), "a far one is overruled");
  }

  @Test
  void textThatTellsNothingKeepsTheDeclaration() {
    assertEquals("fr", LanguageDetection.detect("12:45 — 3/4", "fr"));
    assertNull(LanguageDetection.detect("12:45 — 3/4", null));
  }

  /**
   * Issue 11: Lingua costs more than the rest of the extraction, so plain English skips it; nothing
   * else does.
   */
  @Test
  void onlyPlainEnglishTakesTheShortcut() {
    assertTrue(
        LanguageDetection.plainlyEnglish(
            "The ministers of both countries met in Minsk on Thursday to"
                + " discuss the treaty, which has been delayed for more than a year, and said that talks would go on."));
    assertFalse(
        LanguageDetection.plainlyEnglish(
            "Die Minister beider Länder trafen sich am Donnerstag in Minsk, um"
                + " über den Vertrag zu sprechen, der seit mehr als einem Jahr auf sich warten lässt, und sagten, the talks"
                + " would go on."),
        "German with an English quote");
    assertFalse(
        LanguageDetection.plainlyEnglish(
            "Les ministres des deux pays se sont réunis jeudi à Minsk pour"
                + " discuter du traité, qui est retardé depuis plus d'un an, et ont dit que les discussions continueraient."));
    assertFalse(
        LanguageDetection.plainlyEnglish(
            "Los ministros de ambos países se reunieron el jueves en Minsk para"
                + " hablar del tratado, que lleva más de un año de retraso, y dijeron que las conversaciones seguirían."));
    assertFalse(LanguageDetection.plainlyEnglish("The talks in Minsk."), "too short to tell");
    assertFalse(
        LanguageDetection.plainlyEnglish(
            "The ministers of both countries met in Минск on Thursday to discuss"
                + " the treaty, which has been delayed for more than a year, and said that talks would go on."),
        "another script is Lingua's");
    assertEquals(
        "en",
        LanguageDetection.detect(
            "The ministers of both countries met in Minsk on Thursday to"
                + " discuss the treaty, which has been delayed for more than a year, and said that talks would go on.",
            null));
  }

  @Test
  void declarationsAreNormalisedToIso6391() {
    assertEquals("en", LanguageDetection.normalise("en-US"));
    assertEquals("de", LanguageDetection.normalise("DEU"));
    assertNull(LanguageDetection.normalise("x-klingon"));
  }
}
