package org.childprotection.export;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.childprotection.court.CourtApplications.Application;
import org.childprotection.guardianship.Measures.Measure;
import org.childprotection.guardianship.Measures.Placement;
import org.childprotection.registry.Assessments.Assessment;
import org.childprotection.registry.CaseAttachments;
import org.childprotection.registry.CaseFile;
import org.childprotection.registry.CaseTimeline;
import org.childprotection.registry.Children.Child;
import org.childprotection.registry.Children.Guardian;
import org.childprotection.registry.Referrals.Referral;
import org.childprotection.registry.Vocabulary;
import org.childprotection.registry.Reports.Report;
import org.childprotection.registry.Visits.Visit;
import org.springframework.stereotype.Component;

/**
 * A case file as a PDF for a court or an archive (A4, Chinese, the font embedded): title, case
 * number, when and by whom it was exported, then the case, the child, the guardians, reports,
 * assessments with their points and reasons, referrals with each unit's feedback, visits and the
 * guardianship proceedings, each a table. Every page names the case and its page number.
 */
@Component
public class CaseFilePdf {

  private static final Color HEADER_BACKGROUND = new Color(0xE8, 0xE8, 0xE8);
  private static final String NONE = "无";

  private final DateTimeFormatter minutes;
  private final DateTimeFormatter days = DateTimeFormatter.ISO_LOCAL_DATE;

  public CaseFilePdf(Clock clock) {
    this.minutes = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(clock.getZone());
  }

  /** The PDF, whole: nothing is sent before it is complete. */
  public byte[] render(CaseFile file, BaseFont baseFont, String exportedBy, Instant exportedAt) {
    Fonts fonts = new Fonts(baseFont);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4, 40, 40, 48, 48);
    try {
      PdfWriter writer = PdfWriter.getInstance(document, out);
      writer.setPageEvent(new PageFooter(file.caseNumber(), fonts.small));
      document.addTitle("个案档案 " + file.caseNumber());
      document.addCreator("未成年人社会保护平台");
      document.open();

      Paragraph title = new Paragraph("未成年人保护个案档案", fonts.title);
      title.setAlignment(Element.ALIGN_CENTER);
      document.add(title);
      Paragraph subtitle = new Paragraph("个案编号：" + file.caseNumber(), fonts.heading);
      subtitle.setAlignment(Element.ALIGN_CENTER);
      document.add(subtitle);
      Paragraph exported = new Paragraph("导出时间：" + minutes.format(exportedAt)
          + "　　导出人：" + exportedBy, fonts.small);
      exported.setAlignment(Element.ALIGN_CENTER);
      exported.setSpacingAfter(4);
      document.add(exported);
      Paragraph notice = new Paragraph(
          "本档案含未成年人敏感个人信息，仅限依法履行保护职责及司法、归档使用，不得向无关人员提供。",
          fonts.small);
      notice.setAlignment(Element.ALIGN_CENTER);
      document.add(notice);

      section(document, fonts, "一、个案概况");
      document.add(keyValues(fonts,
          "个案编号", file.caseNumber(),
          "状态", Vocabulary.caseStatus(file.status()),
          "所属区", Vocabulary.district(file.district()),
          "类别", Vocabulary.words("category", String.join(",", file.categories())),
          "紧急", Labels.yesNo(file.urgent()),
          "报告时处于紧急危险", Labels.yesNo(file.immediateDanger()),
          "风险等级", Vocabulary.riskLevel(file.riskLevel()),
          "立案时间", time(file.openedAt()),
          "结案时间", time(file.closedAt()),
          "结案原因", Vocabulary.closureReason(file.closureReason()),
          "结案说明", Labels.text(file.closureNote())));

      section(document, fonts, "二、儿童基本信息");
      Child child = file.child();
      document.add(keyValues(fonts,
          "姓名", child.name(),
          "性别", Vocabulary.gender(child.gender()),
          "出生日期", child.birthDate() != null ? days.format(child.birthDate())
              : child.estimatedAge() != null ? "不详（估计 " + child.estimatedAge() + " 岁）" : "不详",
          "身份证号", Labels.text(child.idNumber()),
          "户籍", Vocabulary.word("household", child.household()),
          "住址", Labels.text(Vocabulary.district(child.district())) + Labels.text(child.street())
              + Labels.text(child.community()) + Labels.text(child.address())));

      section(document, fonts, "三、监护人");
      document.add(table(fonts, new String[] {"姓名", "关系", "联系电话", "状况"},
          new float[] {2, 2, 3, 3}, file.guardians(), (Guardian g) -> new String[] {
              g.name(), g.relation(), g.phone(), g.status()}));

      section(document, fonts, "四、报告与发现");
      document.add(table(fonts,
          new String[] {"接收时间", "渠道", "报告人", "联系电话", "紧急危险", "情况描述"},
          new float[] {2.2f, 2.2f, 2, 2.2f, 1.2f, 5}, file.reports(), (Report r) -> new String[] {
              time(r.receivedAt()), Vocabulary.channel(r.channel()),
              reporter(r), r.reporterPhone(), Labels.yesNo(r.immediateDanger()),
              r.description()}));

      section(document, fonts, "五、评估（A 监护侵害 B 监护能力 C 儿童脆弱性 D 生活条件 E 支持网络）");
      document.add(table(fonts,
          new String[] {"评估时间", "类型", "A", "B", "C", "D", "E", "总分", "风险等级", "理由", "评估人"},
          new float[] {2.2f, 1.6f, 0.7f, 0.7f, 0.7f, 0.7f, 0.7f, 1, 1.5f, 4.5f, 1.4f},
          file.assessments(), (Assessment a) -> new String[] {
              time(a.assessedAt()), Vocabulary.word("assessmentKind", a.kind()),
              String.valueOf(a.pointsA()),
              String.valueOf(a.pointsB()), String.valueOf(a.pointsC()),
              String.valueOf(a.pointsD()), String.valueOf(a.pointsE()),
              String.valueOf(a.total()),
              Vocabulary.riskLevel(a.riskLevel()) + (a.overrideRed() ? "（直接定级）" : ""),
              a.reasons(), a.assessedBy()}));

      section(document, fonts, "六、转介与反馈");
      document.add(table(fonts,
          new String[] {"承办单位", "状态", "转介时间", "办理期限", "采取措施", "办理结果", "完成时间", "办理人"},
          new float[] {2, 1.2f, 2.2f, 2.2f, 3, 3, 2.2f, 1.4f},
          file.referrals(), (Referral r) -> new String[] {
              Vocabulary.group(r.unit()), Vocabulary.referralStatus(r.status()),
              time(r.createdAt()), time(r.dueAt()), r.actionTaken(), r.result(), time(r.completedAt()),
              r.completedBy()}));

      section(document, fonts, "七、跟踪走访");
      document.add(table(fonts, new String[] {"走访时间", "走访人", "监护指导", "风险等级", "记录"},
          new float[] {2.2f, 1.5f, 4, 1.5f, 4}, file.visits(), (Visit v) -> new String[] {
              time(v.visitedAt()), v.visitedBy(), v.guidance(), Vocabulary.riskLevel(v.riskLevel()),
              v.notes()}));

      section(document, fonts, "八、监护干预与监护权转移");
      CaseFile.GuardianshipProceedings proceedings = file.guardianship();
      document.add(new Paragraph("干预措施", fonts.bold));
      document.add(table(fonts, new String[] {"时间", "措施", "监护人是否改正", "说明", "实施人"},
          new float[] {2.2f, 2.5f, 1.6f, 4, 1.5f}, only(proceedings.measures(), Measure.class),
          (Measure m) -> new String[] {time(m.takenAt()), Vocabulary.measure(m.measureType()),
              Labels.yesNo(m.guardianChanged()), m.note(), m.takenBy()}));
      document.add(new Paragraph("向法院提出的申请", fonts.bold));
      document.add(table(fonts,
          new String[] {"申请编号", "类型", "法定情形", "申请人", "检察院支持", "状态", "法院案号",
              "判决结果", "判决日期", "指定监护人"},
          new float[] {2, 1.8f, 2.5f, 1.5f, 1, 1.3f, 2.2f, 1.6f, 1.6f, 1.5f},
          only(proceedings.applications(), Application.class), (Application a) -> new String[] {
              a.applicationNumber(), Vocabulary.word("applicationType", a.applicationType()),
              Vocabulary.words("legalGround", a.legalGrounds()),
              Vocabulary.word("applicant", a.applicant()), Labels.yesNo(a.procuratorateSupport()),
              Vocabulary.word("applicationStatus", a.status()), a.courtCaseNumber(),
              Vocabulary.courtOutcome(a.outcome()), date(a.rulingDate()), a.appointedGuardian()}));
      document.add(new Paragraph("监护人指定与安置", fonts.bold));
      document.add(table(fonts, new String[] {"决定时间", "监护人类型", "安置方式", "新监护人", "决定人"},
          new float[] {2.2f, 2.5f, 2, 2, 1.5f}, only(proceedings.placements(), Placement.class),
          (Placement p) -> new String[] {time(p.decidedAt()),
              Vocabulary.word("guardianType", p.guardianType()),
              Vocabulary.placement(p.placement()), p.newGuardian(), p.decidedBy()}));

      section(document, fonts, "九、个案记录");
      document.add(table(fonts, new String[] {"编号", "时间", "记录人", "内容", "更正记录"},
          new float[] {0.8f, 2.2f, 1.5f, 7, 1.2f}, nonNull(file.notes()),
          (CaseFile.NoteView n) -> new String[] {String.valueOf(n.id()), time(n.createdAt()),
              n.authorName() == null ? n.author() : n.authorName(), n.text(),
              n.corrects() == null ? "" : "更正第 " + n.corrects() + " 条"}));

      section(document, fonts, "十、附件");
      document.add(table(fonts, new String[] {"类别", "文件名", "大小", "SHA-256", "上传人", "上传时间"},
          new float[] {1.2f, 3, 1.2f, 4.5f, 1.3f, 2.2f}, nonNull(file.attachments()),
          (CaseAttachments.AttachmentView a) -> new String[] {a.kindName(), a.fileName(),
              a.size() + " 字节", a.sha256(), a.uploadedBy(), time(a.uploadedAt())}));

      section(document, fonts, "十一、时间线");
      document.add(table(fonts, new String[] {"时间", "事项", "内容", "经办"},
          new float[] {2.2f, 3, 6, 1.5f}, nonNull(file.timeline()),
          (CaseTimeline.Entry e) -> new String[] {time(e.at()), e.title(), e.detail(), e.by()}));

      document.close();
    } catch (DocumentException e) {
      throw new IllegalStateException("the case file could not be laid out as a PDF", e);
    }
    return out.toByteArray();
  }

  private static <T> List<T> nonNull(List<T> rows) {
    return rows == null ? List.of() : rows;
  }

  private static void section(Document document, Fonts fonts, String title)
      throws DocumentException {
    Paragraph heading = new Paragraph(title, fonts.heading);
    heading.setSpacingBefore(12);
    heading.setSpacingAfter(4);
    document.add(heading);
  }

  /** A two-column table of labels and values. */
  private static PdfPTable keyValues(Fonts fonts, String... labelsAndValues) {
    PdfPTable table = new PdfPTable(new float[] {1, 3});
    table.setWidthPercentage(100);
    for (int i = 0; i < labelsAndValues.length; i += 2) {
      PdfPCell label = new PdfPCell(new Phrase(labelsAndValues[i], fonts.bold));
      label.setBackgroundColor(HEADER_BACKGROUND);
      label.setPadding(4);
      table.addCell(label);
      PdfPCell value = new PdfPCell(new Phrase(Labels.text(labelsAndValues[i + 1]), fonts.body));
      value.setPadding(4);
      table.addCell(value);
    }
    return table;
  }

  /** A table with a header row repeated on every page, or 无 when there are no rows. */
  private static <T> Element table(Fonts fonts, String[] headers, float[] widths, List<T> rows,
      Function<T, String[]> cells) {
    if (rows == null || rows.isEmpty()) {
      return new Paragraph(NONE, fonts.body);
    }
    PdfPTable table = new PdfPTable(widths);
    table.setWidthPercentage(100);
    table.setHeaderRows(1);
    table.setSpacingAfter(4);
    for (String header : headers) {
      PdfPCell cell = new PdfPCell(new Phrase(header, fonts.smallBold));
      cell.setBackgroundColor(HEADER_BACKGROUND);
      cell.setPadding(3);
      table.addCell(cell);
    }
    for (T row : rows) {
      for (String value : cells.apply(row)) {
        PdfPCell cell = new PdfPCell(new Phrase(Labels.text(value), fonts.small));
        cell.setPadding(3);
        table.addCell(cell);
      }
    }
    return table;
  }

  private static <T> List<T> only(List<?> items, Class<T> type) {
    List<T> result = new ArrayList<>();
    if (items != null) {
      items.stream().filter(type::isInstance).map(type::cast).forEach(result::add);
    }
    return result;
  }

  private static String reporter(Report report) {
    String name = Labels.text(report.reporterName());
    String organisation = Labels.text(report.reporterOrganisation());
    return organisation.isEmpty() ? name : name.isEmpty() ? organisation
        : name + "（" + organisation + "）";
  }

  private String time(OffsetDateTime time) {
    return time == null ? "" : minutes.format(time);
  }

  private String date(LocalDate date) {
    return date == null ? "" : days.format(date);
  }

  /** The sizes and weights of the one embedded font (bold is drawn, not a second font). */
  private static final class Fonts {
    final Font title;
    final Font heading;
    final Font bold;
    final Font body;
    final Font small;
    final Font smallBold;

    Fonts(BaseFont base) {
      title = new Font(base, 18, Font.BOLD);
      heading = new Font(base, 13, Font.BOLD);
      bold = new Font(base, 10, Font.BOLD);
      body = new Font(base, 10);
      small = new Font(base, 8);
      smallBold = new Font(base, 8, Font.BOLD);
    }
  }

  /** Names the case and the page at the foot of every page. */
  private static final class PageFooter extends PdfPageEventHelper {
    private final String caseNumber;
    private final Font font;

    PageFooter(String caseNumber, Font font) {
      this.caseNumber = caseNumber;
      this.font = font;
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
      ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_CENTER,
          new Phrase(new Chunk("个案编号 " + caseNumber + "　　第 " + writer.getPageNumber()
              + " 页", font)),
          (document.left() + document.right()) / 2, document.bottom() - 24, 0);
    }
  }
}
