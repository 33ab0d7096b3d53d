package org.childprotection.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The README and the pages under {@code docs/} link only to what the repository holds: every
 * relative link (and picture) names an existing file inside the repository, and a link to a
 * heading ({@code page.md#heading}) names a heading the page has, as GitHub makes its anchors.
 * Links to other sites are not followed.
 */
@Tag("no-database")
class DocsLinksTest {

  private static final Path ROOT = Path.of("").toAbsolutePath().normalize();

  /** {@code [text](target)} and {@code ![alt](target)}, the target up to a space or ')'. */
  private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*]\\(([^)\\s]+)[^)]*\\)");
  private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
  private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern CODE_SPAN = Pattern.compile("`[^`]*`");

  @Test
  void everyRelativeLinkNamesAFileAndHeadingOfTheRepository() throws IOException {
    List<String> broken = new ArrayList<>();
    for (Path page : pages()) {
      List<String> lines = prose(page);
      for (int i = 0; i < lines.size(); i++) {
        Matcher link = LINK.matcher(CODE_SPAN.matcher(lines.get(i)).replaceAll(""));
        while (link.find()) {
          String problem = problem(page, link.group(1));
          if (problem != null) {
            broken.add(ROOT.relativize(page) + ":" + (i + 1) + " " + link.group(1) + ": "
                + problem);
          }
        }
      }
    }
    assertThat(broken).as("broken links in README.md and docs/*.md").isEmpty();
  }

  @Test
  void headingsGetGitHubsAnchors() {
    assertThat(anchors(List.of("# The models' checks", "## Why the engine is patched, and how",
        "### `deadlines`", "## 1. Intake and emergency (受理与紧急处置)", "## Notes", "## Notes")))
        .containsExactlyInAnyOrder("the-models-checks", "why-the-engine-is-patched-and-how",
            "deadlines", "1-intake-and-emergency-受理与紧急处置", "notes", "notes-1");
  }

  /** Why a link's target is broken, or null when it is not. */
  private static String problem(Path page, String target) throws IOException {
    if (SCHEME.matcher(target).find()) {
      return null;
    }
    int hash = target.indexOf('#');
    String file = URLDecoder.decode(hash < 0 ? target : target.substring(0, hash),
        StandardCharsets.UTF_8);
    Path linked = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
    if (!linked.startsWith(ROOT)) {
      return "outside the repository";
    }
    if (!Files.exists(linked)) {
      return "no such file";
    }
    if (hash >= 0 && linked.toString().endsWith(".md")) {
      String anchor = target.substring(hash + 1);
      if (!anchors(prose(linked)).contains(anchor)) {
        return "no heading #" + anchor + " in " + ROOT.relativize(linked);
      }
    }
    return null;
  }

  private static List<Path> pages() throws IOException {
    List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    return pages;
  }

  /** A page's lines, fenced code blocks blanked so that line numbers stay right. */
  private static List<String> prose(Path page) throws IOException {
    List<String> lines = new ArrayList<>();
    boolean code = false;
    for (String line : Files.readAllLines(page)) {
      if (line.stripLeading().startsWith("```")) {
        code = !code;
        lines.add("");
      } else {
        lines.add(code ? "" : line);
      }
    }
    return lines;
  }

  /**
   * GitHub's anchors of a page's headings: lower case, punctuation dropped (letters of any
   * script, digits, spaces, hyphens and underscores kept), spaces to hyphens, a repeated anchor
   * numbered from 1.
   */
  static Set<String> anchors(List<String> lines) {
    Set<String> anchors = new HashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    for (String line : lines) {
      Matcher heading = HEADING.matcher(line);
      if (heading.matches()) {
        String text = heading.group(1).replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1");
        String anchor = text.toLowerCase(Locale.ROOT)
            .replaceAll("[^\\p{L}\\p{N}\\p{M} _-]", "").replace(' ', '-');
        int count = seen.merge(anchor, 1, Integer::sum);
        anchors.add(count == 1 ? anchor : anchor + "-" + (count - 1));
      }
    }
    return anchors;
  }
}
