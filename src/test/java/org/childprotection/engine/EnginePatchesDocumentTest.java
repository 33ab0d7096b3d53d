package org.childprotection.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The list of engine patches ({@code docs/engine-patches.md}) names everything in
 * {@code src/main} that uses the engine's or the webapps' internals, so that an engine upgrade
 * knows what to check: a new use of an {@code org.camunda.bpm…impl} package fails here until
 * the page names its class (a Java file) or its file (a mapping, a configuration).
 */
@Tag("no-database")
class EnginePatchesDocumentTest {

  static final Path PAGE = Path.of("docs/engine-patches.md");
  static final Path SOURCES = Path.of("src/main");

  /** Such as {@code org.camunda.bpm.engine.impl}, {@code org.camunda.bpm.impl.juel}. */
  private static final Pattern INTERNAL =
      Pattern.compile("org\\.camunda\\.bpm\\.(\\w+\\.)*impl\\b");

  @Test
  void everyUseOfTheEnginesInternalsIsListed() throws IOException {
    String page = Files.readString(PAGE);
    Set<String> users = usersOfInternals();
    assertThat(users).as("classes and files that use internals")
        .contains("AuthorizationQueries", "PlatformEnginePlugin", "AuthorizationQueries.xml");

    Set<String> unlisted = new TreeSet<>();
    for (String name : users) {
      if (!Pattern.compile("(?<!\\w)" + Pattern.quote(name) + "(?!\\w)").matcher(page).find()) {
        unlisted.add(name);
      }
    }
    assertThat(unlisted).as("use engine or webapp internals but are not named in " + PAGE
        + ": add each, with what it reaches into, why, and what it needs on Operaton").isEmpty();
  }

  /** The simple names of the Java classes, and the names of other files, that use internals. */
  private static Set<String> usersOfInternals() throws IOException {
    Set<String> users = new TreeSet<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String name = file.getFileName().toString();
        if (name.matches(".*\\.(java|xml|yaml|yml|properties)")
            && INTERNAL.matcher(Files.readString(file)).find()) {
          users.add(name.endsWith(".java") ? name.substring(0, name.length() - 5) : name);
        }
      }
    }
    return users;
  }
}
