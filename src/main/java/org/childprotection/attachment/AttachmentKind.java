package org.childprotection.attachment;

import java.util.Arrays;
import java.util.Optional;

/** What an attachment is (SPEC section 10). */
public enum AttachmentKind {
  PHOTO("照片"),
  INJURY_REPORT("伤情鉴定"),
  HANDOVER("交接书"),
  JUDGMENT("判决书"),
  WARNING_LETTER("告诫书"),
  CONSENT("同意书"),
  OTHER("其他");

  private final String chineseName;

  AttachmentKind(String chineseName) {
    this.chineseName = chineseName;
  }

  public String chineseName() {
    return chineseName;
  }

  public static Optional<AttachmentKind> ofCode(String code) {
    return Arrays.stream(values()).filter(k -> k.name().equals(code)).findFirst();
  }
}
