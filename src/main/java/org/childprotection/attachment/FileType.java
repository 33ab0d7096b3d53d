package org.childprotection.attachment;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of file a case takes, recognised by their content, never by what the client says:
 * the first bytes name the format, the last bytes show that the file arrived whole, and a DOCX
 * is a ZIP archive holding {@code word/document.xml}.
 */
public enum FileType {
  JPEG("JPG", "image/jpeg", List.of("jpg", "jpeg"), bytes(0xFF, 0xD8, 0xFF), bytes(0xFF, 0xD9),
      TailRule.WITHIN_LAST_KIB),
  PNG("PNG", "image/png", List.of("png"), bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A),
      "IEND".getBytes(StandardCharsets.US_ASCII), TailRule.WITHIN_LAST_KIB),
  PDF("PDF", "application/pdf", List.of("pdf"), "%PDF-".getBytes(StandardCharsets.US_ASCII),
      "%%EOF".getBytes(StandardCharsets.US_ASCII), TailRule.WITHIN_LAST_KIB),
  DOCX("DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      List.of("docx"), bytes('P', 'K', 0x03, 0x04), bytes('P', 'K', 0x05, 0x06),
      TailRule.WITHIN_ZIP_END);

  /** Enough of the start of a file to tell its type. */
  public static final int HEAD_BYTES = 8;

  /**
   * The longest end of a file whose last bytes are checked: a ZIP archive's end record (22
   * bytes) may be followed by a comment of up to 65,535 bytes.
   */
  public static final int TAIL_BYTES = 22 + 65_535;

  private static final int KIB = 1024;

  private final String label;
  private final String contentType;
  private final List<String> extensions;
  private final byte[] magic;
  private final byte[] endMarker;
  private final TailRule tailRule;

  FileType(String label, String contentType, List<String> extensions, byte[] magic,
      byte[] endMarker, TailRule tailRule) {
    this.label = label;
    this.contentType = contentType;
    this.extensions = extensions;
    this.magic = magic;
    this.endMarker = endMarker;
    this.tailRule = tailRule;
  }

  /** How people call the type (JPG, PNG, PDF, DOCX). */
  public String label() {
    return label;
  }

  public String contentType() {
    return contentType;
  }

  /** Whether a file of this name may hold content of this type (jpg or jpeg for a JPEG). */
  public boolean matchesExtensionOf(String fileName) {
    return extensionOf(fileName).filter(extensions::contains).isPresent();
  }

  /** The type whose signature the file starts with, if any. */
  public static Optional<FileType> ofHead(byte[] head, int length) {
    return Arrays.stream(values()).filter(type -> startsWith(head, length, type.magic))
        .findFirst();
  }

  /**
   * Whether the file's last bytes show it arrived whole: JPEG's end-of-image marker, PNG's IEND
   * chunk or PDF's %%EOF within the last KiB (PDF's own rule); a ZIP archive's end record.
   *
   * @param tail the last bytes of the file, at most {@link #TAIL_BYTES}
   */
  public boolean endsWhole(byte[] tail) {
    int from = tailRule == TailRule.WITHIN_LAST_KIB ? Math.max(0, tail.length - KIB) : 0;
    for (int i = tail.length - endMarker.length; i >= from; i--) {
      if (regionMatches(tail, i, endMarker)) {
        return true;
      }
    }
    return false;
  }

  /** The extension of a file name, lower case, without the dot. */
  public static Optional<String> extensionOf(String fileName) {
    int dot = fileName == null ? -1 : fileName.lastIndexOf('.');
    return dot < 0 || dot == fileName.length() - 1 ? Optional.empty()
        : Optional.of(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  private static boolean startsWith(byte[] head, int length, byte[] prefix) {
    return length >= prefix.length && regionMatches(head, 0, prefix);
  }

  private static boolean regionMatches(byte[] data, int offset, byte[] expected) {
    for (int i = 0; i < expected.length; i++) {
      if (data[offset + i] != expected[i]) {
        return false;
      }
    }
    return true;
  }

  private static byte[] bytes(int... values) {
    byte[] result = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = (byte) values[i];
    }
    return result;
  }

  private enum TailRule { WITHIN_LAST_KIB, WITHIN_ZIP_END }
}
