package org.childprotection.registry;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/vocabulary}: the words of every kind of code ({@link Vocabulary}), for the
 * webapps' plugins, so that Tasklist and Cockpit say what the exports and the API say.
 */
@RestController
public class VocabularyController {

  @GetMapping("/api/vocabulary")
  public Map<String, Map<String, String>> vocabulary() {
    return Vocabulary.all();
  }
}
