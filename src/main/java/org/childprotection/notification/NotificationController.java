package org.childprotection.notification;

import java.util.List;
import org.childprotection.security.EngineUser;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/notifications}: the in-app outbox of the caller's units, newest first. */
@RestController
@RequestMapping("/api/notifications")
public class NotificationController {

  private final NotificationLog log;

  public NotificationController(NotificationLog log) {
    this.log = log;
  }

  @GetMapping
  public List<NotificationLog.Entry> mine(Authentication caller,
      @RequestParam(defaultValue = "50") int limit) {
    EngineUser user = (EngineUser) caller.getDetails();
    return log.outboxOf(user.groupIds(), Math.min(Math.max(limit, 1), 500));
  }
}
