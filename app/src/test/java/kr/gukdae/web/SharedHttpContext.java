package kr.gukdae.web;

import kr.gukdae.store.TestDatabases;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application on a random port over a fresh H2 database, with default settings. HTTP tests that
 * need nothing else extend it, so Spring starts this context once for all of them (its cache key is
 * the same configuration, declared once here) instead of once per test class. Tests in it share one
 * database: each creates its own accounts and rows under names of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class SharedHttpContext {

  @DynamicPropertySource
  static void sharedProperties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", TestDatabases::freshH2);
  }
}
