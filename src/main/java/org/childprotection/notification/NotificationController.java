package org.childprotection.notification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.childprotection.api.ErrorExample;
import org.childprotection.security.EngineUser;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/notifications}: the in-app outbox of the caller's units, newest first. */
@RestController
@RequestMapping("/api/notifications")
@Tag(name = "站内通知", description = "未配置邮件或短信/OA 网关时，通知送入平台内的发件箱")
public class NotificationController {

  private final NotificationLog log;

  public NotificationController(NotificationLog log) {
    this.log = log;
  }

  @GetMapping
  @Operation(summary = "本单位的站内通知，最新的在前", description = "limit 为条数，1 至 500，默认 50。")
  @ErrorExample(status = 400, field = "limit", message = "参数缺失或格式不正确")
  public List<NotificationLog.Entry> mine(Authentication caller,
      @RequestParam(defaultValue = "50") int limit) {
    EngineUser user = (EngineUser) caller.getDetails();
    return log.outboxOf(user.groupIds(), Math.min(Math.max(limit, 1), 500));
  }
}
