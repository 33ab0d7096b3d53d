package org.childprotection.attachment;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * What a case takes as attachments ({@code minor-protection.attachments}): files up to
 * {@code maxSize} of the {@code allowedTypes}, recognised by content. Downloads on PostgreSQL
 * read the content in slices of {@code readSlice}.
 */
@ConfigurationProperties("minor-protection.attachments")
public record AttachmentPolicy(DataSize maxSize, Set<FileType> allowedTypes, DataSize readSlice) {

  public AttachmentPolicy {
    if (maxSize == null || allowedTypes == null || allowedTypes.isEmpty()
        || readSlice == null) {
      throw new IllegalArgumentException("minor-protection.attachments is incomplete");
    }
    // The JDBC drivers take a stream's length as an int.
    if (maxSize.toBytes() < 1 || maxSize.toBytes() > Integer.MAX_VALUE
        || readSlice.toBytes() < 1 || readSlice.toBytes() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "minor-protection.attachments.max-size and read-slice must be between 1 byte and 2 GB");
    }
    allowedTypes = Set.copyOf(allowedTypes);
  }

  /** The limit as people say it: "20 MB". */
  public String maxSizeText() {
    long bytes = maxSize.toBytes();
    return bytes % DataSize.ofMegabytes(1).toBytes() == 0 ? maxSize.toMegabytes() + " MB"
        : bytes % 1024 == 0 ? maxSize.toKilobytes() + " KB" : bytes + " 字节";
  }

  /** The allowed types as people say them: "JPG、PNG、PDF、DOCX". */
  public String allowedTypesText() {
    return allowedTypes.stream().sorted().map(FileType::label).collect(Collectors.joining("、"));
  }
}
