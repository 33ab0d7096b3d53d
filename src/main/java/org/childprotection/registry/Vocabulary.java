package org.childprotection.registry;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.childprotection.assessment.RiskLevel;
import org.childprotection.attachment.AttachmentKind;
import org.childprotection.intake.Channel;
import org.childprotection.organisation.District;
import org.childprotection.organisation.MemberUnit;

/**
 * The words a person reads for each of the platform's codes, in one place: the API's texts, the
 * case file PDF and the Excel list, the timeline and notes, and (through
 * {@code GET /api/vocabulary}) the webapps' plugins all take them from here. The codes that are
 * enums of their own (districts, units, categories, levels, channels, attachment kinds) keep
 * their words in the enum; this class gathers them with the codes the registry stores as text.
 * A form that offers one of these codes as an option or shows it must use the same words
 * ({@code FormVocabularyTest}). An unknown code is shown as it is.
 */
public final class Vocabulary {

  /** The words for a case without a risk level yet, and the code the supervision counts it by. */
  public static final String UNASSESSED = "UNASSESSED";
  public static final String UNASSESSED_NAME = "未评估";

  private static final Map<String, Map<String, String>> KINDS = new LinkedHashMap<>();

  static {
    define("district", named(District.values(), District::code, District::chineseName));
    Map<String, String> groups = new LinkedHashMap<>();
    Arrays.stream(MemberUnit.values()).forEach(u -> groups.put(u.groupId(), u.chineseName()));
    Arrays.stream(District.values()).forEach(d -> groups.put(d.groupId(), d.groupName()));
    define("group", groups);
    define("category", named(Category.values(), Category::name, Category::chineseName));
    Map<String, String> levels = named(RiskLevel.values(), RiskLevel::name,
        RiskLevel::chineseName);
    levels.put(UNASSESSED, UNASSESSED_NAME);
    define("riskLevel", levels);
    define("channel", named(Channel.values(), Channel::name, Channel::chineseName));
    define("attachmentKind", named(AttachmentKind.values(), AttachmentKind::name,
        AttachmentKind::chineseName));
    define("caseStatus", codes("OPEN", "在办", "CLOSED", "已结案"));
    define("closureReason", codes("RESOLVED", "风险消除", "AGE_18", "年满十八周岁",
        "REFERRED_OUT", "转出"));
    define("gender", codes("M", "男", "F", "女", "U", "不详"));
    define("household", codes("LOCAL", "本市户籍", "NONLOCAL", "外地户籍"));
    define("assessmentKind", codes("INITIAL", "初次评估", "FOLLOW_UP", "跟踪复评"));
    define("referralStatus", codes("OPEN", "办理中", "DONE", "已办结"));
    define("referralResult", codes("DONE", "已落实", "PARTIAL", "部分落实",
        "NOT_POSSIBLE", "无法落实"));
    define("measure", codes("CRITICISM", "批评教育", "WARNING_LETTER", "出具告诫书并查访",
        "REPRIMAND", "训诫", "FAMILY_EDUCATION_ORDER", "责令接受家庭教育指导",
        "FAMILY_EDUCATION", "家庭教育指导"));
    define("applicationType", codes("REVOCATION", "撤销监护人资格",
        "RESTORATION", "恢复监护人资格"));
    define("applicationStatus", codes("FILED", "已提出", "SENT", "已移送法院",
        "ACCEPTED", "法院已受理", "RULED", "已判决"));
    define("applicant", codes("CIVIL_AFFAIRS", "民政部门", "PROTECTION_CENTER",
        "未成年人保护中心", "RELATIVE", "其他依法具有监护资格的人", "FORMER_GUARDIAN", "原监护人",
        "RESIDENTS_COMMITTEE", "居民委员会、村民委员会", "SCHOOL", "学校",
        "MEDICAL_INSTITUTION", "医疗机构", "WOMENS_FEDERATION", "妇女联合会",
        "DISABLED_FEDERATION", "残疾人联合会", "ELDERLY_ORGANISATION", "依法设立的老年人组织",
        "FATHER", "父亲", "MOTHER", "母亲"));
    define("legalGround", codes(
        "SEXUAL_ABUSE",
        "（一）性侵害未成年人，严重损害其身心健康",
        "SALE",
        "（一）出卖未成年人，严重损害其身心健康",
        "ABANDONMENT_OR_ABUSE",
        "（一）遗弃、虐待、暴力伤害未成年人，严重损害其身心健康",
        "UNATTENDED_DANGER",
        "（二）将未成年人置于无人监管和照看的状态，导致其面临死亡或者严重伤害危险，经教育不改",
        "NEGLECT_6_MONTHS",
        "（三）拒不履行监护职责长达六个月以上，导致未成年人流离失所或者生活无着",
        "ADDICTION_OR_PRISON",
        "（四）有吸毒、赌博、长期酗酒等恶习或因服刑等原因无法履行监护职责，且拒绝将监护职责委托他人，致使未成年人处于困境或者危险状态",
        "COERCED_BEGGING",
        "（五）胁迫、诱骗、利用未成年人乞讨，经公安机关和未成年人救助保护机构等部门三次以上批评教育拒不改正，严重影响其正常生活和学习",
        "INSTIGATING_CRIME",
        "（六）教唆、利用未成年人实施违法犯罪行为，情节恶劣",
        "OTHER_SERIOUS_HARM",
        "（七）有其他严重侵害未成年人合法权益行为"));
    define("courtOutcome", codes("REVOKED", "撤销监护人资格", "RESTORED", "恢复监护人资格",
        "DISMISSED", "驳回申请"));
    define("guardianType", codes("RELATIVE_IN_ORDER", "其他亲属（依法定顺序）",
        "GRANDPARENTS", "祖父母、外祖父母", "SIBLINGS", "兄、姐",
        "WILLING_PERSON", "其他愿意担任监护人的个人或者组织（经居委会、村委会或民政部门同意）",
        "CIVIL_AFFAIRS", "民政部门担任监护人",
        "RESIDENTS_COMMITTEE", "具备条件的居民委员会、村民委员会"));
    define("placement", codes("RELATIVE_HOME", "亲属家庭", "WELFARE_INSTITUTION", "儿童福利院",
        "FOSTER_FAMILY", "家庭寄养"));
    define("notificationChannel", codes("OUTBOX", "站内消息", "MAIL", "邮件",
        "WEBHOOK", "短信或办公系统"));
  }

  private Vocabulary() {}

  /** Every kind of code with its words, as {@code GET /api/vocabulary} serves them. */
  public static Map<String, Map<String, String>> all() {
    return Collections.unmodifiableMap(KINDS);
  }

  /** The words for a code of a kind; the code itself when unknown, null for none. */
  public static String word(String kind, String code) {
    Map<String, String> words = KINDS.get(kind);
    if (words == null) {
      throw new IllegalArgumentException("no such kind of code: " + kind);
    }
    return code == null ? null : words.getOrDefault(code, code);
  }

  /** Comma-separated codes of a kind in Chinese, joined the Chinese way: "家庭暴力、特殊困难". */
  public static String words(String kind, String codes) {
    return codes == null || codes.isBlank() ? "" : Arrays.stream(codes.split(","))
        .map(String::strip).filter(code -> !code.isEmpty()).map(code -> word(kind, code))
        .collect(Collectors.joining("、"));
  }

  public static String district(String code) {
    return word("district", code);
  }

  /** A member unit's or a district's social workers' group. */
  public static String group(String groupId) {
    return word("group", groupId);
  }

  public static String category(String code) {
    return word("category", code);
  }

  /** A level's words, or 未评估 for a case without one. */
  public static String riskLevel(String code) {
    return word("riskLevel", code == null ? UNASSESSED : code);
  }

  public static String channel(String code) {
    return word("channel", code);
  }

  public static String caseStatus(String code) {
    return word("caseStatus", code);
  }

  public static String closureReason(String code) {
    return word("closureReason", code);
  }

  public static String gender(String code) {
    return word("gender", code);
  }

  public static String referralStatus(String code) {
    return word("referralStatus", code);
  }

  public static String referralResult(String code) {
    return word("referralResult", code);
  }

  public static String measure(String code) {
    return word("measure", code);
  }

  public static String courtOutcome(String code) {
    return word("courtOutcome", code);
  }

  public static String placement(String code) {
    return word("placement", code);
  }

  private static void define(String kind, Map<String, String> words) {
    KINDS.put(kind, Collections.unmodifiableMap(words));
  }

  private static <T> Map<String, String> named(T[] values, Function<T, String> code,
      Function<T, String> name) {
    Map<String, String> words = new LinkedHashMap<>();
    Arrays.stream(values).forEach(value -> words.put(code.apply(value), name.apply(value)));
    return words;
  }

  private static Map<String, String> codes(String... codesAndWords) {
    Map<String, String> words = new LinkedHashMap<>();
    for (int i = 0; i < codesAndWords.length; i += 2) {
      words.put(codesAndWords[i], codesAndWords[i + 1]);
    }
    return words;
  }
}
