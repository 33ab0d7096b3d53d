package org.childprotection.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.childprotection.deployment.ModelResource;

/** The probe process and its form (test resources), under keys unique to one test. */
public record Probe(String processKey, String formId) {

  public static Probe unique() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    return new Probe("probe-" + suffix, "probe-form-" + suffix);
  }

  public ModelResource process() {
    return process("处理");
  }

  /** The process, with its user task named as given: a different name is a changed model. */
  public ModelResource process(String taskName) {
    return new ModelResource("processes/" + processKey + ".bpmn", bytes(resource("probe.bpmn")
        .replace("name=\"处理\"", "name=\"" + taskName + "\"")));
  }

  public ModelResource form() {
    return form("备注");
  }

  /** The form, with its field labelled as given: a different label is a changed form. */
  public ModelResource form(String label) {
    return new ModelResource("forms/" + formId + ".form", bytes(resource("probe.form")
        .replace("\"备注\"", "\"" + label + "\"")));
  }

  private String resource(String name) {
    try (InputStream in = Probe.class.getResourceAsStream("/probe/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("PROBE_KEY", processKey)
          .replace("PROBE_FORM", formId);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
