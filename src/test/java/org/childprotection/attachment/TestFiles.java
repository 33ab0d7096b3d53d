package org.childprotection.attachment;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Small valid files of each allowed type, and broken ones, made by the test. */
public final class TestFiles {

  private TestFiles() {}

  public static byte[] png() {
    return image("png");
  }

  public static byte[] jpeg() {
    return image("jpg");
  }

  /** A minimal PDF: one empty page. */
  public static byte[] pdf() {
    return """
        %PDF-1.4
        1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
        2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
        3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj
        trailer << /Root 1 0 R >>
        %%EOF
        """.getBytes(StandardCharsets.US_ASCII);
  }

  /** A Word document written by Apache POI. */
  public static byte[] docx() {
    try (XWPFDocument document = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.createParagraph().createRun().setText("监护人同意书");
      document.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A ZIP archive that is not a Word document. */
  public static byte[] zip() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("notes.txt"));
      zip.write("not a document".getBytes(StandardCharsets.US_ASCII));
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public static byte[] gif() {
    return "GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;".getBytes(StandardCharsets.ISO_8859_1);
  }

  /** The file without its last bytes, as an upload cut short. */
  public static byte[] cut(byte[] file, int missing) {
    return Arrays.copyOf(file, file.length - missing);
  }

  /** A PDF of the given size: a valid start and end around filler. */
  public static byte[] pdfOfSize(int size) {
    byte[] file = new byte[size];
    byte[] start = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
    byte[] end = "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    Arrays.fill(file, (byte) ' ');
    System.arraycopy(start, 0, file, 0, start.length);
    System.arraycopy(end, 0, file, size - end.length, end.length);
    return file;
  }

  private static byte[] image(String format) {
    BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
    image.setRGB(1, 1, Color.RED.getRGB());
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no ImageIO writer for " + format);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
