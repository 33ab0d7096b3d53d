package org.childprotection.assessment;

import static org.childprotection.process.ProcessVariables.RISK_LEVEL;
import static org.childprotection.process.ProcessVariables.RISK_OVERRIDE;
import static org.childprotection.process.ProcessVariables.RISK_POINTS_A;
import static org.childprotection.process.ProcessVariables.RISK_POINTS_B;
import static org.childprotection.process.ProcessVariables.RISK_POINTS_C;
import static org.childprotection.process.ProcessVariables.RISK_POINTS_D;
import static org.childprotection.process.ProcessVariables.RISK_POINTS_E;
import static org.childprotection.process.ProcessVariables.RISK_REASONS;
import static org.childprotection.process.ProcessVariables.RISK_SCORE;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The result of scoring: the points of each dimension (A–E of SPEC 4a), the level, and the
 * reasons a caseworker or supervisor reads to see why the case got that level. The points of
 * the reasons add up to the total.
 */
public record RiskScore(
    int a,
    int b,
    int c,
    int d,
    int e,
    int total,
    RiskLevel level,
    boolean override,
    List<Reason> reasons) {

  public RiskScore {
    reasons = List.copyOf(reasons);
  }

  /** The code of every override reason begins so (OVERRIDE_SEXUAL_HARM …). */
  public static final String OVERRIDE_PREFIX = "OVERRIDE_";

  /**
   * Why the level is what it is. Overrides and the level itself carry 0 points; a dimension that
   * exceeded its cap carries the negative difference.
   */
  public record Reason(String code, String text, int points) {}

  /** Small process variables: the whole reasoning as one readable string, not a document. */
  public Map<String, Object> toVariables() {
    Map<String, Object> variables = new LinkedHashMap<>();
    RISK_LEVEL.putInto(variables, level);
    RISK_SCORE.putInto(variables, total);
    RISK_POINTS_A.putInto(variables, a);
    RISK_POINTS_B.putInto(variables, b);
    RISK_POINTS_C.putInto(variables, c);
    RISK_POINTS_D.putInto(variables, d);
    RISK_POINTS_E.putInto(variables, e);
    RISK_OVERRIDE.putInto(variables, override);
    RISK_REASONS.putInto(variables, reasonsText());
    return variables;
  }

  /** The reasons' texts in one line, as a reader of the case sees them. */
  public String reasonsText() {
    return reasons.stream().map(Reason::text).collect(Collectors.joining("；"));
  }

  /** The override situations this score found, by code, in the model's order. */
  public List<String> overrideCodes() {
    return reasons.stream().map(Reason::code).filter(c -> c.startsWith(OVERRIDE_PREFIX))
        .toList();
  }

  /**
   * The override situations found now that the earlier score (its codes comma-separated, or
   * null when there was none) had not: these are 强制报告 findings the police must hear of.
   */
  public List<String> overridesNotIn(String earlierCodes) {
    List<String> earlier = earlierCodes == null ? List.of() : List.of(earlierCodes.split(","));
    return overrideCodes().stream().filter(code -> !earlier.contains(code)).toList();
  }
}
