package org.childprotection.assessment;

/** Answer A of the family guardianship instrument: the worst harm done by a guardian. */
public enum GuardianHarm {
  NONE("监护人无侵害行为"),
  NEGLECT_OR_VERBAL("监护人疏于照料或言语伤害"),
  INJURY_OR_PRIOR_WARNING("监护人造成伤害或曾被出具告诫书"),
  REPEATED_OR_CRIMINAL("监护人多次侵害或涉嫌犯罪");

  private final String chineseName;

  GuardianHarm(String chineseName) {
    this.chineseName = chineseName;
  }

  public String chineseName() {
    return chineseName;
  }
}
