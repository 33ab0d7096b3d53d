package org.childprotection.guardianship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childprotection.process.ProcessVariables.CONFERENCE_ACTIONS;
import static org.childprotection.process.ProcessVariables.HARM_WITH_SERIOUS_INJURY;
import static org.childprotection.process.ProcessVariables.INTENTIONAL_CRIME_AGAINST_CHILD;
import static org.childprotection.process.ProcessVariables.SENTENCED_FIVE_YEARS_OR_MORE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The procedure's forms hold what the law asks them to (SPEC 5, issue 17 item 12), and offer
 * exactly the choices the steps behind them accept: a choice the form offers and the step
 * refuses, or the other way round, would fail a worker.
 */
class GuardianshipFormsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theInvestigationReportHoldsWhatTheLawAsks() throws IOException {
    Map<String, JsonNode> report = fields("investigate-family");
    assertThat(report).containsKeys("familySituation", "guardianshipCapacity",
        "investigationFindings", "investigationChildView", "investigationEvidence", "reportDate",
        "investigators");
    assertThat(report.get("reportDate").path("properties").path("past").asText())
        .isEqualTo("true");
  }

  @Test
  void conferenceMinutesHoldDateAttendeesDecisionsAndActionsWithOwnersAndDueDates()
      throws IOException {
    Map<String, JsonNode> minutes = fields("intervention-conference");
    assertThat(minutes).containsKeys("conferenceDate", "conferenceAttendees",
        "conferenceDecisions", CONFERENCE_ACTIONS.name());
    assertThat(minutes.get(CONFERENCE_ACTIONS.name()).path("label").asText())
        .contains("事项｜负责人｜完成期限");
  }

  @Test
  void thePlacementPlanHoldsTheJudgmentTheInstitutionContactAndTheChildsView()
      throws IOException {
    Map<String, JsonNode> plan = fields("appoint-guardian");
    assertThat(plan).containsKeys("judgmentNumber", "placementInstitution", "parentContact",
        "placementChildView", "maintenanceNote");
    assertThat(values(plan.get("guardianType"))).as("民法典 arts 27 and 32")
        .containsExactlyInAnyOrder("GRANDPARENTS", "SIBLINGS", "WILLING_PERSON",
            "CIVIL_AFFAIRS", "RESIDENTS_COMMITTEE");
  }

  @Test
  void theGroundsOfArticle35KeepTheirQualifiersAndTheApplicantsAreArticle36s()
      throws IOException {
    Map<String, JsonNode> decision = fields("decide-application");
    List<String> grounds = labels(decision.get("legalGrounds"));
    assertThat(String.join("\n", grounds)).contains("严重损害其身心健康", "经教育不改",
        "长达六个月以上，导致未成年人流离失所或者生活无着", "拒绝将监护职责委托他人",
        "三次以上批评教育拒不改正", "情节恶劣", "其他严重侵害");
    assertThat(values(decision.get("legalGrounds")))
        .containsExactlyInAnyOrderElementsOf(ApplicationDecisionListener.GROUNDS);
    assertThat(values(decision.get("applicant")))
        .containsExactlyInAnyOrderElementsOf(ApplicationDecisionListener.APPLICANTS);
    assertThat(decision).containsKeys(HARM_WITH_SERIOUS_INJURY.name(),
        SENTENCED_FIVE_YEARS_OR_MORE.name(), INTENTIONAL_CRIME_AGAINST_CHILD.name());
  }

  @Test
  void theFormsOfferWhatTheStepsAccept() throws IOException {
    assertThat(values(fields("request-protection-order").get("protectionOrderApplicant")))
        .contains("CIVIL_AFFAIRS")
        .containsExactlyInAnyOrderElementsOf(ProtectionOrders.APPLICANTS);
    assertThat(values(fields("protection-order").get("protectionOrderMeasures"))).hasSize(4);
    assertThat(values(fields("request-measure").get("measureType")))
        .containsExactlyInAnyOrderElementsOf(MeasureSteps.AUTHORITIES.keySet());
    List<String> authorities = new ArrayList<>();
    MeasureSteps.AUTHORITIES.values().forEach(authorities::addAll);
    assertThat(values(fields("request-measure").get("measureAuthority")))
        .containsExactlyInAnyOrderElementsOf(authorities.stream().distinct().toList());
    assertThat(values(fields("apply-measure").get("measureType")))
        .containsExactlyInAnyOrderElementsOf(MeasureSteps.AUTHORITIES.keySet());
    assertThat(values(fields("record-restoration").get("restorationApplicantRelation")))
        .containsExactlyInAnyOrderElementsOf(RestorationApplicationListener.APPLICANTS);
  }

  @Test
  void everyTaskOfTheProcedureHasADeployedFormOfItsOwnName() throws IOException {
    String model = Files.readString(Path.of("processes/guardianship-transfer.bpmn"));
    Matcher refs = Pattern.compile("camunda:formRef=\"([^\"]+)\"").matcher(model);
    int tasks = 0;
    while (refs.find()) {
      tasks++;
      assertThat(form(refs.group(1)).path("id").asText()).isEqualTo(refs.group(1));
    }
    assertThat(tasks).isEqualTo(Pattern.compile("<bpmn:userTask ").matcher(model).results()
        .count());
  }

  private static JsonNode form(String id) throws IOException {
    return JSON.readTree(Path.of("forms", id + ".form").toFile());
  }

  /** Every keyed field of the form, in groups and lists too. */
  private static Map<String, JsonNode> fields(String id) throws IOException {
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    collect(form(id), fields);
    return fields;
  }

  private static void collect(JsonNode node, Map<String, JsonNode> into) {
    if (node.hasNonNull("key")) {
      into.put(node.get("key").asText(), node);
    }
    node.path("components").forEach(child -> collect(child, into));
  }

  private static List<String> values(JsonNode field) {
    List<String> values = new ArrayList<>();
    field.path("values").forEach(v -> values.add(v.path("value").asText()));
    return values;
  }

  private static List<String> labels(JsonNode field) {
    List<String> labels = new ArrayList<>();
    field.path("values").forEach(v -> labels.add(v.path("label").asText()));
    return labels;
  }
}
