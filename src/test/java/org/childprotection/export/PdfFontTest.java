package org.childprotection.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * The PDF exports' Chinese font: found, it is embedded and the health endpoint says UP; missing
 * or misnamed, the app still starts and the health endpoint says why (UNKNOWN, not DOWN).
 */
@Tag("no-database")
class PdfFontTest {

  private static final String NOTO = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

  @Test
  void theDefaultFontOfACollectionIsFoundByName() {
    PdfFont font = new PdfFont(new ExportPolicy(NOTO, "NotoSansCJKsc-Regular"));
    assertThat(font.font()).isPresent();
    assertThat(font.font().get().getPostscriptFontName()).isEqualTo("NotoSansCJKsc-Regular");
    assertThat(font.health().getStatus()).isEqualTo(Status.UP);
  }

  /** Checked at start-up, loaded by the first export: the health says UP before. */
  @Test
  void aFoundFontIsUpBeforeTheFirstExportLoadsIt() {
    PdfFont font = new PdfFont(new ExportPolicy(NOTO, "NotoSansCJKsc-Regular"));
    assertThat(font.health().getStatus()).isEqualTo(Status.UP);
    assertThat(font.health().getDetails()).containsEntry("name", "NotoSansCJKsc-Regular");
    assertThat(font.font()).isPresent();
  }

  @Test
  void aMissingFontLeavesPdfExportsOffAndSaysSo() {
    PdfFont font = new PdfFont(new ExportPolicy("/nonexistent/font.ttc", "NotoSansCJKsc-Regular"));
    assertThat(font.font()).isEmpty();
    Health health = font.health();
    assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
    assertThat(health.getDetails().get("problem").toString()).contains("fonts-noto-cjk");
  }

  @Test
  void aNameTheCollectionLacksLeavesPdfExportsOff() {
    PdfFont font = new PdfFont(new ExportPolicy(NOTO, "NoSuchFont-Regular"));
    assertThat(font.font()).isEmpty();
    assertThat(font.health().getStatus()).isEqualTo(Status.UNKNOWN);
  }
}
