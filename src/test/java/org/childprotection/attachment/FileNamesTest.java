package org.childprotection.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The names attachments are stored under: no folders, no control characters, not too long. */
@Tag("no-database")
class FileNamesTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      现场照片.jpg                        | 现场照片.jpg
      C:\\Users\\社工\\Desktop\\判决书.pdf | 判决书.pdf
      ../../etc/passwd.png               | passwd.png
      /var/tmp/scan.PDF                  | scan.PDF
      '  spaced name.docx  '             | spaced name.docx
      ..                                 | ''
      folder/                            | ''
      """)
  void keepsTheNameWithoutFolders(String submitted, String stored) {
    assertThat(FileNames.clean(submitted)).isEqualTo(stored);
  }

  @Test
  void dropsControlAndFormattingCharacters() {
    assertThat(FileNames.clean("pho\u0000to\u0007\t\r\n.png")).isEqualTo("photo.png");
    assertThat(FileNames.clean("\u202Egnp.exe")).isEqualTo("gnp.exe");
    assertThat(FileNames.clean("\u0001\u0002")).isEmpty();
    assertThat(FileNames.clean(null)).isEmpty();
  }

  @Test
  void shortensLongNamesKeepingTheExtension() {
    String stored = FileNames.clean("照".repeat(300) + ".docx");
    assertThat(stored).hasSize(FileNames.MAX_LENGTH).endsWith("照.docx");
  }
}
