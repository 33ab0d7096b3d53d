package org.childprotection.discovery;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads a ledger row by row, never the whole file at once: CSV in UTF-8 (with or without BOM)
 * or GBK as Excel saves it on Chinese Windows, or .xlsx through POI's streaming reader.
 */
final class LedgerFile {

  /** Receives each row: its number (the header is 0, data rows count from 1) and its cells. */
  interface RowHandler {
    void row(int number, List<String> cells);
  }

  /** The file cannot be read as a ledger at all; the message says why, in Chinese. */
  static final class UnreadableLedgerException extends RuntimeException {
    UnreadableLedgerException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private static final Charset GBK = Charset.forName("GBK");
  private static final int SNIFF_BYTES = 64 * 1024;

  private LedgerFile() {}

  static void read(Path file, String fileName, RowHandler handler) {
    try {
      if (isXlsx(file, fileName)) {
        readXlsx(file, handler);
      } else {
        readCsv(file, handler);
      }
    } catch (UnreadableLedgerException e) {
      throw e;
    } catch (Exception e) {
      throw new UnreadableLedgerException("文件无法读取：请使用 .csv（UTF-8 或 GBK）或 .xlsx 格式", e);
    }
  }

  private static boolean isXlsx(Path file, String fileName) throws IOException {
    if (fileName != null && fileName.toLowerCase().endsWith(".xlsx")) {
      return true;
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] magic = in.readNBytes(4);
      return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3
          && magic[3] == 4;
    }
  }

  private static void readCsv(Path file, RowHandler handler) throws IOException {
    Charset charset = charsetOf(file);
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      if (charset == StandardCharsets.UTF_8) {
        in.mark(3);
        byte[] bom = in.readNBytes(3);
        if (!(bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB
            && (bom[2] & 0xFF) == 0xBF)) {
          in.reset();
        }
      }
      Reader reader = new InputStreamReader(in, charset.newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE));
      try (CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).build()
          .parse(reader)) {
        int number = 0;
        for (CSVRecord record : parser) {
          List<String> cells = new ArrayList<>(record.size());
          record.forEach(cells::add);
          handler.row(number++, cells);
        }
      }
    }
  }

  /** UTF-8 when the start of the file decodes as UTF-8 (or has a BOM), GBK otherwise. */
  static Charset charsetOf(Path file) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(SNIFF_BYTES);
    }
    int length = head.length;
    if (length == SNIFF_BYTES) {
      // do not judge a character cut in half at the end of the sample
      while (length > SNIFF_BYTES - 4 && (head[length - 1] & 0xC0) == 0x80) {
        length--;
      }
      if (length > 0 && (head[length - 1] & 0xC0) == 0xC0) {
        length--;
      }
    }
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(head, 0, length));
      return StandardCharsets.UTF_8;
    } catch (CharacterCodingException notUtf8) {
      return GBK;
    }
  }

  private static void readXlsx(Path file, RowHandler handler) throws Exception {
    try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
      XSSFReader reader = new XSSFReader(pkg);
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
      XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
      if (!sheets.hasNext()) {
        throw new UnreadableLedgerException("Excel 文件中没有工作表", null);
      }
      try (InputStream sheet = sheets.next()) {
        XMLReader parser = XMLHelper.newXMLReader();
        parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings,
            new SheetRows(handler), new IsoDates(), false));
        parser.parse(new InputSource(sheet));
      }
    }
  }

  /** Date cells as yyyy-MM-dd, whatever display format the sheet gave them. */
  private static final class IsoDates extends org.apache.poi.ss.usermodel.DataFormatter {

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString) {
      if (org.apache.poi.ss.usermodel.DateUtil.isADateFormat(formatIndex, formatString)
          && org.apache.poi.ss.usermodel.DateUtil.isValidExcelDate(value)) {
        return org.apache.poi.ss.usermodel.DateUtil.getLocalDateTime(value).toLocalDate()
            .toString();
      }
      return super.formatRawCellContents(value, formatIndex, formatString);
    }
  }

  /** Collects the cells of each sheet row, leaving gaps for empty cells. */
  private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {

    private final RowHandler handler;
    private List<String> cells;
    private int number;

    SheetRows(RowHandler handler) {
      this.handler = handler;
    }

    @Override
    public void startRow(int rowNum) {
      cells = new ArrayList<>();
    }

    @Override
    public void endRow(int rowNum) {
      if (cells.stream().anyMatch(c -> c != null && !c.isBlank())) {
        handler.row(number++, cells);
      }
    }

    @Override
    public void cell(String reference, String value, XSSFComment comment) {
      int column = new org.apache.poi.ss.util.CellReference(reference).getCol();
      while (cells.size() < column) {
        cells.add("");
      }
      cells.add(value);
    }
  }
}
