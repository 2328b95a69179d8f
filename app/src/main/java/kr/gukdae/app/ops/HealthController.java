package kr.gukdae.app.ops;

import javax.sql.DataSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /healthz}: for load balancers and Kubernetes probes. 200 when this instance can reach
 * the database, 503 when it cannot; says nothing else, so anyone may call it.
 */
@RestController
class HealthController {

  private final JdbcClient jdbc;

  HealthController(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
  }

  /** The probe's answer: {@code up}, or {@code down} when the database does not answer. */
  record Health(String status) {}

  @GetMapping("/healthz")
  ResponseEntity<Health> health() {
    try {
      jdbc.sql("SELECT 1").query(Integer.class).single();
      return ResponseEntity.ok(new Health("up"));
    } catch (RuntimeException e) {
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(new Health("down"));
    }
  }
}
