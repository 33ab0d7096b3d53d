package org.childprotection.benchmark;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.childprotection.intake.ReportRequest;
import org.childprotection.organisation.District;
import org.childprotection.registry.IdNumber;
import org.childprotection.support.TestDatabase;

/** The benchmark's settings (system properties {@code bench.*}) and its made-up reports. */
final class Benchmarks {

  private static final AtomicLong CHILDREN = new AtomicLong();
  private static final LocalDate FIRST_BIRTHDAY = LocalDate.now().minusYears(4);

  private Benchmarks() {}

  static int setting(String name, int defaultValue) {
    return Integer.parseInt(System.getProperty("bench." + name, String.valueOf(defaultValue)));
  }

  /** A setting that is a comma-separated list of names. */
  static Set<String> names(String name, String defaultValue) {
    return Set.of(System.getProperty("bench." + name, defaultValue).split(","));
  }

  static String database() {
    return TestDatabase.isPostgres() ? "PostgreSQL" : "H2";
  }

  static String[] profiles() {
    return TestDatabase.isPostgres() ? new String[] {"demo", "postgres"} : new String[] {"demo"};
  }

  /** A distinct child each time: born on one of a few hundred days, a serial per day. */
  static String nextIdNumber() {
    long n = CHILDREN.getAndIncrement();
    return IdNumber.withCheckCharacter("320106"
        + FIRST_BIRTHDAY.minusDays(n / 1000).toString().replace("-", "")
        + String.format("%03d", n % 1000));
  }

  /**
   * A hotline report about a new child of the district, as a map for the JSON API. The intake
   * figure's children are named apart from the others, so that the case file's name search
   * (figure 6b, 儿童) finds the same children at 1,000 cases and at scale.
   */
  static Map<String, Object> reportBody(District district, String childName) {
    return Map.of(
        "channel", "HOTLINE_12345",
        "receivedAt", "2026-11-28T09:30:00+08:00",
        "reporter", Map.of("name", "报告人", "phone", "025-12345678", "type", "NEIGHBOUR"),
        "child", Map.of("name", childName, "idNumber", nextIdNumber(), "gender", "M"),
        "location", Map.of("district", district.code(), "street", "街道", "community", "社区",
            "address", "地址1号"),
        "suspectedCategories", List.of("LEFT_BEHIND"),
        "immediateDanger", false,
        "description", "基准测试报告");
  }

  /** The same report as the intake service takes it. */
  static ReportRequest report(District district) {
    return new ReportRequest("HOTLINE_12345", null, "2026-11-28T09:30:00+08:00",
        new ReportRequest.Reporter("报告人", "025-12345678", "NEIGHBOUR", null),
        new ReportRequest.Child("基准儿童", nextIdNumber(), "M", null, null, null),
        new ReportRequest.Location(district.code(), "街道", "社区", "地址1号"),
        List.of("LEFT_BEHIND"), false, "基准测试报告", null);
  }
}
