package org.childprotection.attachment;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Looks at a file while it streams past, on its way into the database, without keeping it: counts
 * its bytes, computes its SHA-256, keeps its last {@link FileType#TAIL_BYTES} bytes (to see that it
 * arrived whole) and watches for a ZIP entry named {@code word/document.xml} (what makes a ZIP a
 * DOCX) in the archive's local file headers as they pass.
 */
final class ContentInspector extends FilterInputStream {

  /** A ZIP local file header: signature, 22 bytes of versions, dates and sizes, name length. */
  private static final int LOCAL_HEADER_BYTES = 30;
  private static final byte[] DOCX_MAIN_ENTRY =
      "word/document.xml".getBytes(StandardCharsets.US_ASCII);
  private static final int WINDOW = LOCAL_HEADER_BYTES + DOCX_MAIN_ENTRY.length;

  private final MessageDigest sha256;
  private final byte[] tail = new byte[FileType.TAIL_BYTES];
  private final byte[] window = new byte[WINDOW];
  private long count;
  private boolean docxMainEntrySeen;

  ContentInspector(InputStream in) {
    super(in);
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      seen((byte) b);
      sha256.update((byte) b);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      sha256.update(buffer, offset, n);
      for (int i = offset; i < offset + n; i++) {
        seen(buffer[i]);
      }
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    // Every byte must be seen: skipping reads.
    long skipped = 0;
    while (skipped < n && read() >= 0) {
      skipped++;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  long count() {
    return count;
  }

  String sha256Hex() {
    return HexFormat.of().formatHex(sha256.digest());
  }

  /** The last bytes read, at most {@link FileType#TAIL_BYTES}. */
  byte[] tail() {
    int length = (int) Math.min(count, tail.length);
    byte[] result = new byte[length];
    int end = (int) (count % tail.length);
    for (int i = 0; i < length; i++) {
      result[i] = tail[Math.floorMod(end - length + i, tail.length)];
    }
    return result;
  }

  boolean docxMainEntrySeen() {
    return docxMainEntrySeen;
  }

  private void seen(byte b) {
    tail[(int) (count % tail.length)] = b;
    window[(int) (count % WINDOW)] = b;
    count++;
    if (!docxMainEntrySeen && count >= WINDOW && b == DOCX_MAIN_ENTRY[DOCX_MAIN_ENTRY.length - 1]) {
      docxMainEntrySeen = localHeaderOfMainEntryEndsHere();
    }
  }

  /**
   * Whether the last bytes are a local file header (signature PK 3 4) whose name is
   * {@code word/document.xml}, with that name's length in the header.
   */
  private boolean localHeaderOfMainEntryEndsHere() {
    int start = (int) (count % WINDOW);
    return at(start, 0) == 'P' && at(start, 1) == 'K' && at(start, 2) == 3 && at(start, 3) == 4
        && at(start, 26) == DOCX_MAIN_ENTRY.length && at(start, 27) == 0
        && nameMatches(start);
  }

  private boolean nameMatches(int start) {
    for (int i = 0; i < DOCX_MAIN_ENTRY.length; i++) {
      if (at(start, LOCAL_HEADER_BYTES + i) != DOCX_MAIN_ENTRY[i]) {
        return false;
      }
    }
    return true;
  }

  private byte at(int start, int offset) {
    return window[(start + offset) % WINDOW];
  }
}
