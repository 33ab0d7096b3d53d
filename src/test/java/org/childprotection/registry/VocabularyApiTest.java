package org.childprotection.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.childprotection.assessment.RiskLevel;
import org.childprotection.organisation.District;
import org.childprotection.organisation.MemberUnit;
import org.childprotection.support.Http;
import org.childprotection.support.PlatformTest;
import org.junit.jupiter.api.Test;

/** {@code GET /api/vocabulary}: the plugins' words for every code, to anybody logged in. */
class VocabularyApiTest extends PlatformTest {

  @Test
  void aTasklistSessionReadsTheWordsOfEveryCode() {
    Http session = anonymous();
    assertThat(session.loginToWebapp("tasklist", "education", "education").status())
        .isEqualTo(200);

    Http.Response answer = session.get("/api/vocabulary");

    assertThat(answer.status()).isEqualTo(200);
    JsonNode words = answer.json();
    for (District district : District.values()) {
      assertThat(words.get("district").get(district.code()).asText())
          .isEqualTo(district.chineseName());
      assertThat(words.get("group").get(district.groupId()).asText())
          .isEqualTo(district.chineseName() + "民政/社工");
    }
    for (MemberUnit unit : MemberUnit.values()) {
      assertThat(words.get("group").get(unit.groupId()).asText()).isEqualTo(unit.chineseName());
    }
    for (RiskLevel level : RiskLevel.values()) {
      assertThat(words.get("riskLevel").get(level.name()).asText())
          .isEqualTo(level.chineseName());
    }
    assertThat(words.get("riskLevel").get("GREEN").asText()).isEqualTo("关注（绿）");
    assertThat(words.get("caseStatus").get("OPEN").asText()).isEqualTo("在办");
    assertThat(words.get("referralStatus").get("OPEN").asText()).isEqualTo("办理中");
    assertThat(anonymous().get("/api/vocabulary").status()).isEqualTo(401);
  }
}
