package org.childprotection.discovery;

import java.util.List;

/** The columns of a 基础台帐, in order (SPEC section 6). */
final class LedgerColumns {

  static final List<String> HEADER = List.of("姓名", "性别", "出生日期", "身份证号", "户籍", "区",
      "街道", "社区", "现住址", "类别", "监护人姓名", "与儿童关系", "监护人状况", "联系电话", "是否存在风险", "备注");

  static final int NAME = 0;
  static final int GENDER = 1;
  static final int BIRTH_DATE = 2;
  static final int ID_NUMBER = 3;
  static final int HOUSEHOLD = 4;
  static final int DISTRICT = 5;
  static final int STREET = 6;
  static final int COMMUNITY = 7;
  static final int ADDRESS = 8;
  static final int CATEGORIES = 9;
  static final int GUARDIAN_NAME = 10;
  static final int GUARDIAN_RELATION = 11;
  static final int GUARDIAN_STATUS = 12;
  static final int PHONE = 13;
  static final int AT_RISK = 14;
  static final int NOTE = 15;

  private LedgerColumns() {}
}
