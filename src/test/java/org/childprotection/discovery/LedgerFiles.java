package org.childprotection.discovery;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.childprotection.registry.IdNumber;

/** Ledger files for the benchmark, and reading one without importing it (its baseline). */
public final class LedgerFiles {

  private LedgerFiles() {}

  /**
   * A 栖霞区 ledger in UTF-8 CSV of so many distinct made-up children, one in a hundred at
   * risk (those open cases), as a district's yearly ledger might look.
   */
  public static byte[] csv(int rows, String regionCode) {
    LocalDate firstBirthday = LocalDate.now().minusYears(3);
    List<List<String>> lines = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      lines.add(Ledgers.row("台帐" + i, IdNumber.withCheckCharacter(regionCode
          + firstBirthday.minusDays(i / 1000).toString().replace("-", "")
          + String.format("%03d", i % 1000)), i % 100 == 0));
    }
    return Ledgers.csv(StandardCharsets.UTF_8, false, lines);
  }

  /** Reads every row of the file as the import does, and nothing more; the number of rows. */
  public static long readOnly(Path file) {
    AtomicLong rows = new AtomicLong();
    LedgerFile.read(file, file.getFileName().toString(), (number, cells) -> rows.incrementAndGet());
    return rows.get() - 1;
  }
}
