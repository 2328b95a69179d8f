package kr.gukdae.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import kr.gukdae.store.TestDatabases;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application on a random port over a fresh H2 database, with default settings. HTTP tests that
 * need nothing else extend it, so Spring starts this context once for all of them (its cache key is
 * the same configuration, declared once here) instead of once per test class. Tests in it share one
 * database and home: each creates its own accounts and rows under names of its own, and signs in
 * only a few times (logins are limited per address and minute, and all tests come from 127.0.0.1).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class SharedHttpContext {

  /** A home of its own: the ledger's key and signed checkpoints belong to this fresh database. */
  private static final Path HOME = home();

  @DynamicPropertySource
  static void sharedProperties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", TestDatabases::freshH2);
    registry.add("gukdae.home", HOME::toString);
  }

  private static Path home() {
    try {
      return Files.createTempDirectory("gukdae-shared-http");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
