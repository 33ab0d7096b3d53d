package org.childprotection.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Component;

/**
 * What a referral asks of a unit, in the words of the disposal plan ({@code disposal-plan.dmn}):
 * the descriptions of the rules that sent the case to that unit, for the case's categories and
 * needs. The rules are read from the deployed decision, so an analyst's change shows here too.
 */
@Component
public class DisposalAsks {

  static final String DECISION = "disposal-plan";
  private static final Pattern QUOTED = Pattern.compile("\"([A-Za-z0-9_-]+)\"");

  private final RepositoryService repository;

  public DisposalAsks(RepositoryService repository) {
    this.repository = repository;
  }

  /** The descriptions of the plan's rules that chose this unit; call as the platform. */
  public List<String> asksOf(String unit, List<String> categories, List<String> needs) {
    DecisionDefinition definition = repository.createDecisionDefinitionQuery()
        .decisionDefinitionKey(DECISION).latestVersion().withoutTenantId().singleResult();
    if (definition == null) {
      return List.of();
    }
    DmnModelInstance model = repository.getDmnModelInstance(definition.getId());
    List<String> asks = new ArrayList<>();
    for (DecisionTable table : model.getModelElementsByType(DecisionTable.class)) {
      for (Rule rule : table.getRules()) {
        List<OutputEntry> outputs = new ArrayList<>(rule.getOutputEntries());
        if (outputs.isEmpty() || !("\"" + unit + "\"").equals(outputs.get(0).getTextContent()
            .trim())) {
          continue;
        }
        List<InputEntry> inputs = new ArrayList<>(rule.getInputEntries());
        if (inputs.size() >= 2 && matches(inputs.get(0), categories)
            && matches(inputs.get(1), needs) && rule.getDescription() != null) {
          String description = rule.getDescription().getTextContent().trim();
          if (!asks.contains(description)) {
            asks.add(description);
          }
        }
      }
    }
    return asks;
  }

  /** "-" matches anything; {@code contains(?, "X")} matches when X is among the values. */
  private static boolean matches(InputEntry entry, List<String> values) {
    String text = entry.getTextContent().trim();
    if (text.isEmpty() || "-".equals(text)) {
      return true;
    }
    Matcher quoted = QUOTED.matcher(text);
    while (quoted.find()) {
      if (values.contains(quoted.group(1))) {
        return true;
      }
    }
    return false;
  }
}
