package org.childprotection.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One file of {@code processes/} or {@code forms/} as it goes into the engine. */
public record ModelResource(String name, byte[] content) {

  private static final Pattern FORM_REF = Pattern.compile("camunda:formRef=\"([^\"$#{}]+)\"");
  private static final ObjectMapper JSON = new ObjectMapper();

  public boolean isProcess() {
    return name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml");
  }

  public boolean isForm() {
    return name.endsWith(".form");
  }

  /** The form ids a process references with {@code camunda:formRef}. */
  public Set<String> referencedFormIds() {
    Set<String> ids = new LinkedHashSet<>();
    if (isProcess()) {
      Matcher matcher = FORM_REF.matcher(text());
      while (matcher.find()) {
        ids.add(matcher.group(1));
      }
    }
    return ids;
  }

  /** The id of a Camunda Form: the top-level "id" of its schema, which formRef names. */
  public String formId() {
    if (!isForm()) {
      return null;
    }
    try {
      JsonNode id = JSON.readTree(content).get("id");
      return id == null ? null : id.asText();
    } catch (IOException e) {
      throw new IllegalStateException("form " + name + " is not valid JSON", e);
    }
  }

  public boolean sameContentAs(byte[] other) {
    return Arrays.equals(content, other);
  }

  private String text() {
    return new String(content, StandardCharsets.UTF_8);
  }
}
