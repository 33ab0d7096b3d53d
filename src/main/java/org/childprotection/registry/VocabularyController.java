package org.childprotection.registry;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/vocabulary}: the words of every kind of code ({@link Vocabulary}), for the
 * webapps' plugins, so that Tasklist and Cockpit say what the exports and the API say.
 */
@RestController
@Tag(name = "代码词表", description = "接口中各类代码的中文含义")
public class VocabularyController {

  @GetMapping("/api/vocabulary")
  @Operation(summary = "各类代码的中文含义（区、单位、类别、风险等级、渠道、状态等）", description = """
      以代码种类为键，如 {"district": {"gulou": "鼓楼区", …}, "channel": {…}, …}。\
      不含个案数据，任何已登录用户可查。""")
  public Map<String, Map<String, String>> vocabulary() {
    return Vocabulary.all();
  }
}
