package org.childprotection.attachment;

import java.text.Normalizer;

/**
 * The name a file is stored under: the client's name without folders (some browsers send
 * {@code C:\Users\…\photo.jpg}) or control characters, at most 255 characters.
 */
final class FileNames {

  static final int MAX_LENGTH = 255;

  private FileNames() {}

  /** The cleaned name, or empty when nothing usable is left. */
  static String clean(String submitted) {
    if (submitted == null) {
      return "";
    }
    String name = Normalizer.normalize(submitted, Normalizer.Form.NFC);
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    StringBuilder kept = new StringBuilder();
    name.codePoints()
        .filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT
            && Character.getType(c) != Character.UNASSIGNED)
        .forEach(kept::appendCodePoint);
    name = kept.toString().strip();
    if (name.equals(".") || name.equals("..")) {
      return "";
    }
    return shorten(name);
  }

  /** Keeps the extension when a name is too long. */
  private static String shorten(String name) {
    if (name.length() <= MAX_LENGTH) {
      return name;
    }
    int dot = name.lastIndexOf('.');
    String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
    int keep = MAX_LENGTH - extension.length();
    if (Character.isHighSurrogate(name.charAt(keep - 1))) {
      keep--;
    }
    return name.substring(0, keep) + extension;
  }
}
