package org.childprotection.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.childprotection.registry.YearlyNumbers.Kind;
import org.childprotection.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Case and court application numbers per year: distinct under concurrency, gap-free while
 * nothing fails, never repeated after a rollback, and continuing where the counter table of
 * earlier versions stopped. Each test takes a far year of its own (the database outlives a run).
 */
class YearlyNumbersTest extends PlatformTest {

  @Autowired
  YearlyNumbers numbers;

  @Autowired
  Cases cases;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  TransactionTemplate transaction;

  @Test
  void concurrentCallersGetDistinctConsecutiveNumbers() throws Exception {
    int year = farYear();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Long>> taken = new ArrayList<>();
      Callable<Long> next = () -> transaction.execute(status -> numbers.next(Kind.CASE, year));
      for (int i = 0; i < 60; i++) {
        taken.add(pool.submit(next));
      }
      Set<Long> distinct = new TreeSet<>();
      for (Future<Long> number : taken) {
        distinct.add(number.get());
      }
      assertThat(distinct).hasSize(60);
      assertThat(distinct).first().isEqualTo(1L);
      assertThat(distinct).last().isEqualTo(60L);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aRolledBackNumberIsNeverGivenAgain() {
    int year = farYear();
    assertThat(cases.nextCaseNumber(year)).isEqualTo(String.format("NJ-%d-000001", year));
    assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
      numbers.next(Kind.CASE, year);
      throw new IllegalStateException("the report's transaction fails");
    })).hasMessageContaining("fails");
    assertThat(cases.nextCaseNumber(year)).isEqualTo(String.format("NJ-%d-000003", year));
  }

  @Test
  void aYearContinuesAfterTheOldCounterAndKindsAreSeparate() {
    int year = farYear();
    jdbc.sql("INSERT INTO case_number_counter (case_year, last_number) VALUES (?, 41)")
        .param(year).update();

    assertThat(cases.nextCaseNumber(year)).isEqualTo(String.format("NJ-%d-000042", year));
    assertThat(numbers.next(Kind.COURT_APPLICATION, year)).isEqualTo(1L);
    assertThat(numbers.next(Kind.CASE, year + 1)).isEqualTo(1L);
    assertThat(numbers.next(Kind.CASE, year)).isEqualTo(43L);
  }

  private static int farYear() {
    return ThreadLocalRandom.current().nextInt(2100, 9000);
  }
}
