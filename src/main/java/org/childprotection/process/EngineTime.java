package org.childprotection.process;

import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The engine's time, which its timers fall due against and tests move forward: a moment that a
 * step records for a later step to compare with the timers' rhythm is taken from here, not from
 * the city's {@code Clock}. The engine offers its clock only as an internal class.
 */
@Component
public class EngineTime {

  public Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
