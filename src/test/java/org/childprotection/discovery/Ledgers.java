package org.childprotection.discovery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.childprotection.registry.IdNumber;
import org.childprotection.support.PersonalData;

/**
 * Ledger files as districts make them: CSV in some encoding, or .xlsx. The children's names and
 * ID numbers of every row are written down for the privacy scan (an .xlsx is not searched).
 */
public final class Ledgers {

  private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 400));

  private Ledgers() {}

  /** A fresh child ID number, born so many years ago. */
  static String idNumber(int age) {
    return IdNumber.withCheckCharacter("320113" + LocalDate.now().minusYears(age).minusDays(
        SEQUENCE.get() % 300).toString().replace("-", "")
        + String.format("%03d", SEQUENCE.incrementAndGet() % 1000));
  }

  /**
   * The ID number of a region's {@code serial}-th child of a series: a thousand children born on
   * each day, counting back from {@code firstBirthday}.
   */
  static String idNumber(String region, LocalDate firstBirthday, int serial) {
    return IdNumber.withCheckCharacter(region
        + firstBirthday.minusDays(serial / 1000).toString().replace("-", "")
        + String.format("%03d", serial % 1000));
  }

  /** A valid row of 栖霞区; risk 是 or 否. */
  public static List<String> row(String name, String idNumber, boolean atRisk) {
    PersonalData.childName(name);
    PersonalData.idNumber(idNumber);
    String birth = idNumber.isEmpty() ? "" : IdNumber.birthDate(idNumber).orElseThrow().toString();
    return new ArrayList<>(List.of(name, "女", birth,
        idNumber, "本市", "栖霞区", "尧化街道", "万寿社区", "万寿路1号", "留守流动、特殊困难",
        "张某", "母亲", "外出务工", "13800000000", atRisk ? "是" : "否", ""));
  }

  public static byte[] csv(Charset charset, boolean bom, List<List<String>> rows) {
    StringBuilder text = new StringBuilder(csvLine(LedgerColumns.HEADER));
    for (List<String> row : rows) {
      text.append(csvLine(row));
    }
    byte[] body = text.toString().getBytes(charset);
    if (!bom) {
      return body;
    }
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);
    return withBom;
  }

  /** A line of a CSV ledger, as Excel writes it. */
  static String csvLine(List<String> cells) {
    return String.join(",", cells) + "\r\n";
  }

  /** An .xlsx as Excel saves it; the birth date is a real date cell. */
  static byte[] xlsx(List<List<String>> rows) {
    try (SXSSFWorkbook workbook = new SXSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      var sheet = workbook.createSheet("台帐");
      CellStyle date = workbook.createCellStyle();
      date.setDataFormat(workbook.createDataFormat().getFormat("yyyy/m/d"));
      Row header = sheet.createRow(0);
      for (int i = 0; i < LedgerColumns.HEADER.size(); i++) {
        header.createCell(i).setCellValue(LedgerColumns.HEADER.get(i));
      }
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(r + 1);
        List<String> cells = rows.get(r);
        for (int c = 0; c < cells.size(); c++) {
          if (c == LedgerColumns.BIRTH_DATE && !cells.get(c).isEmpty()) {
            var cell = row.createCell(c);
            cell.setCellValue(LocalDate.parse(cells.get(c)));
            cell.setCellStyle(date);
          } else {
            row.createCell(c).setCellValue(cells.get(c));
          }
        }
      }
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
