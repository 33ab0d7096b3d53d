package org.childprotection.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.childprotection.organisation.District;
import org.childprotection.registry.Vocabulary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A district's cases, open and closed, newest first, as an Excel sheet: written row by row with
 * POI's streaming workbook (a window of rows in memory, the rest in a compressed temporary file)
 * from a database cursor. ID numbers are masked as in every list.
 */
@Component
public class CaseListXlsx {

  static final String[] HEADERS = {"个案编号", "状态", "立案时间", "结案时间", "儿童姓名", "身份证号",
      "类别", "风险等级", "所属区"};
  private static final int ROWS_IN_MEMORY = 100;
  private static final int FETCH_SIZE = 500;
  private static final int[] COLUMN_WIDTHS = {16, 8, 17, 17, 10, 21, 24, 10, 8};

  private final JdbcTemplate jdbc;
  private final TransactionTemplate readOnly;
  private final DateTimeFormatter minutes;

  public CaseListXlsx(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
    this.jdbc = jdbc;
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
    this.minutes = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(clock.getZone());
  }

  public void write(District district, OutputStream out) {
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY)) {
      workbook.setCompressTempFiles(true);
      SXSSFSheet sheet = workbook.createSheet(district.chineseName() + "个案清单");
      CellStyle bold = workbook.createCellStyle();
      Font font = workbook.createFont();
      font.setBold(true);
      bold.setFont(font);
      Row header = sheet.createRow(0);
      for (int i = 0; i < HEADERS.length; i++) {
        header.createCell(i).setCellValue(HEADERS[i]);
        header.getCell(i).setCellStyle(bold);
        sheet.setColumnWidth(i, COLUMN_WIDTHS[i] * 256);
      }
      sheet.createFreezePane(0, 1);
      // On PostgreSQL a fetch size takes effect inside a transaction only: a cursor, not all rows.
      readOnly.executeWithoutResult(status -> jdbc.query(connection -> {
        PreparedStatement query = connection.prepareStatement("""
            SELECT c.case_number, c.status, c.opened_at, c.closed_at, ch.name, ch.id_number,
              c.categories, c.risk_level, c.district
            FROM protection_case c JOIN child ch ON ch.id = c.child_id
            WHERE c.district = ?
            ORDER BY c.opened_at DESC, c.id DESC""");
        query.setFetchSize(FETCH_SIZE);
        query.setString(1, district.code());
        return query;
      }, (RowCallbackHandler) rs -> addRow(sheet, rs)));
      workbook.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void addRow(SXSSFSheet sheet, ResultSet rs) throws SQLException {
    Row row = sheet.createRow(sheet.getLastRowNum() + 1);
    String[] values = {
        rs.getString("case_number"),
        Vocabulary.caseStatus(rs.getString("status")),
        time(rs.getObject("opened_at", OffsetDateTime.class)),
        time(rs.getObject("closed_at", OffsetDateTime.class)),
        rs.getString("name"),
        Labels.maskedIdNumber(rs.getString("id_number")),
        Vocabulary.words("category", rs.getString("categories")),
        Vocabulary.riskLevel(rs.getString("risk_level")),
        Vocabulary.district(rs.getString("district"))};
    for (int i = 0; i < values.length; i++) {
      row.createCell(i).setCellValue(values[i]);
    }
  }

  private String time(OffsetDateTime time) {
    return time == null ? "" : minutes.format(time);
  }
}
