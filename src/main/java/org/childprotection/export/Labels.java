package org.childprotection.export;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.childprotection.assessment.RiskLevel;
import org.childprotection.intake.Channel;
import org.childprotection.organisation.District;
import org.childprotection.organisation.MemberUnit;
import org.childprotection.registry.Category;
import org.childprotection.registry.Masking;

/** The Chinese a reader of an export sees for the registry's codes; an unknown code as it is. */
final class Labels {

  private static final Map<String, String> STATUS = Map.of("OPEN", "办理中", "CLOSED", "已结案");
  private static final Map<String, String> GENDER = Map.of("M", "男", "F", "女", "U", "未知");
  private static final Map<String, String> HOUSEHOLD =
      Map.of("LOCAL", "本市户籍", "NONLOCAL", "外地户籍");
  private static final Map<String, String> CLOSURE = Map.of("RESOLVED", "风险消除，审批结案",
      "AGE_18", "年满十八周岁", "REFERRED_OUT", "转出");
  private static final Map<String, String> ASSESSMENT =
      Map.of("INITIAL", "初次评估", "FOLLOW_UP", "跟踪复评");
  private static final Map<String, String> REFERRAL = Map.of("OPEN", "办理中", "DONE", "已办结");
  private static final Map<String, String> MEASURE = Map.of("CRITICISM", "批评教育",
      "WARNING_LETTER", "出具告诫书并查访", "REPRIMAND", "训诫", "FAMILY_EDUCATION_ORDER",
      "责令接受家庭教育指导", "FAMILY_EDUCATION", "家庭教育指导");
  private static final Map<String, String> APPLICATION =
      Map.of("REVOCATION", "撤销监护人资格", "RESTORATION", "恢复监护人资格");
  private static final Map<String, String> APPLICATION_STATUS = Map.of("FILED", "已提出",
      "SENT", "已移送法院", "ACCEPTED", "法院已受理", "RULED", "已裁定");
  private static final Map<String, String> OUTCOME =
      Map.of("REVOKED", "撤销监护人资格", "RESTORED", "恢复监护人资格", "DISMISSED", "驳回申请");
  private static final Map<String, String> APPLICANT = Map.ofEntries(
      Map.entry("CIVIL_AFFAIRS", "民政部门"), Map.entry("PROTECTION_CENTER", "未成年人保护中心"),
      Map.entry("RELATIVE", "其他依法具有监护资格的人"), Map.entry("FORMER_GUARDIAN", "原监护人"),
      Map.entry("RESIDENTS_COMMITTEE", "居民委员会、村民委员会"), Map.entry("SCHOOL", "学校"),
      Map.entry("MEDICAL_INSTITUTION", "医疗机构"), Map.entry("WOMENS_FEDERATION", "妇女联合会"),
      Map.entry("DISABLED_FEDERATION", "残疾人联合会"),
      Map.entry("ELDERLY_ORGANISATION", "依法设立的老年人组织"), Map.entry("FATHER", "父亲"),
      Map.entry("MOTHER", "母亲"));
  private static final Map<String, String> GUARDIAN_TYPE = Map.of("RELATIVE_IN_ORDER",
      "其他亲属（依法定顺序）", "GRANDPARENTS", "祖父母、外祖父母", "SIBLINGS", "兄、姐",
      "WILLING_PERSON", "其他愿意担任监护人的个人或者组织（经居委会、村委会或民政部门同意）",
      "CIVIL_AFFAIRS", "民政部门担任监护人", "RESIDENTS_COMMITTEE", "具备条件的居民委员会、村民委员会");
  private static final Map<String, String> PLACEMENT = Map.of("RELATIVE_HOME", "亲属家庭",
      "WELFARE_INSTITUTION", "儿童福利院", "FOSTER_FAMILY", "家庭寄养");

  private Labels() {}

  static String status(String code) {
    return of(STATUS, code);
  }

  static String gender(String code) {
    return of(GENDER, code);
  }

  static String household(String code) {
    return of(HOUSEHOLD, code);
  }

  static String closure(String code) {
    return of(CLOSURE, code);
  }

  static String assessment(String code) {
    return of(ASSESSMENT, code);
  }

  static String referral(String code) {
    return of(REFERRAL, code);
  }

  static String measure(String code) {
    return of(MEASURE, code);
  }

  static String application(String code) {
    return of(APPLICATION, code);
  }

  static String applicationStatus(String code) {
    return of(APPLICATION_STATUS, code);
  }

  static String outcome(String code) {
    return of(OUTCOME, code);
  }

  static String applicant(String code) {
    return of(APPLICANT, code);
  }

  static String guardianType(String code) {
    return of(GUARDIAN_TYPE, code);
  }

  static String placement(String code) {
    return of(PLACEMENT, code);
  }

  static String yesNo(boolean value) {
    return value ? "是" : "否";
  }

  static String district(String code) {
    return District.ofCode(code).map(District::chineseName).orElse(text(code));
  }

  static String unit(String groupId) {
    return MemberUnit.ofGroupId(groupId).map(MemberUnit::chineseName).orElse(text(groupId));
  }

  static String channel(String code) {
    return Channel.ofCode(code).map(Channel::chineseName).orElse(text(code));
  }

  static String riskLevel(String code) {
    return code == null ? "未评估" : Arrays.stream(RiskLevel.values())
        .filter(level -> level.name().equals(code)).findFirst()
        .map(RiskLevel::chineseName).orElse(code);
  }

  /** Comma-separated category codes in Chinese: "家庭暴力、特殊困难". */
  static String categories(String codes) {
    return codes == null || codes.isBlank() ? "" : Arrays.stream(codes.split(","))
        .map(code -> Category.ofCode(code.strip()).map(Category::chineseName).orElse(code))
        .collect(Collectors.joining("、"));
  }

  /** An ID number as lists show it: 3201**********0012 ({@link Masking}). */
  static String maskedIdNumber(String idNumber) {
    return text(Masking.idNumber(idNumber));
  }

  static String text(String value) {
    return value == null ? "" : value;
  }

  private static String of(Map<String, String> labels, String code) {
    return code == null ? "" : labels.getOrDefault(code, code);
  }
}
