package org.childprotection.export;

import com.lowagie.text.pdf.BaseFont;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.childprotection.api.Failures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The Chinese font that exported PDFs embed (a subset of it, for the characters used). No Maven
 * artifact ships a CJK font that PDF libraries can embed (the web font packages hold WOFF files
 * only), so it comes from the machine: by default Noto Sans CJK SC from Debian's
 * {@code fonts-noto-cjk} (SIL Open Font License). Without it the app runs, PDF exports answer
 * 503, the start-up log warns and the health endpoint ({@code pdfFont}) says so, without
 * turning the app's health down.
 *
 * <p>At start-up only the file and, in a collection, the font's name are checked; the font
 * itself, megabytes of glyph tables and most of a second to read, is loaded by the first export.
 */
@Component
public class PdfFont implements HealthIndicator {

  private static final Logger LOG = LoggerFactory.getLogger(PdfFont.class);

  private final ExportPolicy policy;
  private final String located;
  private String problem;
  private BaseFont font;

  public PdfFont(ExportPolicy policy) {
    this.policy = policy;
    String path = null;
    try {
      path = locate(policy);
    } catch (Exception e) {
      problem = Failures.describe(e);
    }
    this.located = path;
    if (path == null) {
      warn(problem == null ? "no such file" : problem);
    }
  }

  public synchronized Optional<BaseFont> font() {
    if (font == null && located != null && problem == null) {
      try {
        font = BaseFont.createFont(located, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
      } catch (Exception e) {
        problem = Failures.describe(e);
        warn(problem);
      }
    }
    return Optional.ofNullable(font);
  }

  @Override
  public synchronized Health health() {
    if (located != null && problem == null) {
      return Health.up().withDetail("font", policy.font())
          .withDetail("name", font == null ? policy.fontName() : font.getPostscriptFontName())
          .build();
    }
    // Unknown, not down: the rest of the platform works without PDF exports.
    return Health.unknown().withDetail("font", policy.font()).withDetail("problem",
        "PDF 导出不可用：未找到中文字体，请安装 fonts-noto-cjk 或设置 EXPORT_FONT").build();
  }

  private void warn(String why) {
    LOG.warn("PDF exports are off: the Chinese font {} ({}) could not be loaded: {}. Install "
        + "Debian's fonts-noto-cjk or set EXPORT_FONT (minor-protection.export.font) to a "
        + "TrueType/OpenType font with Chinese characters", policy.font(), policy.fontName(), why);
  }

  /** The font as OpenPDF names it (a collection's font by its index), or null without a file. */
  private static String locate(ExportPolicy policy) throws Exception {
    if (policy.font() == null || !Files.isReadable(Path.of(policy.font()))) {
      return null;
    }
    String path = policy.font();
    if (path.toLowerCase(Locale.ROOT).endsWith(".ttc")) {
      String[] names = BaseFont.enumerateTTCNames(path);
      int index = -1;
      for (int i = 0; i < names.length; i++) {
        if (names[i].equals(policy.fontName())) {
          index = i;
        }
      }
      if (index < 0) {
        throw new IllegalStateException("the collection holds no font named " + policy.fontName());
      }
      path = path + "," + index;
    }
    return path;
  }
}
