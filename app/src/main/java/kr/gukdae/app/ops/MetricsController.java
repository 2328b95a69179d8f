package kr.gukdae.app.ops;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import kr.gukdae.app.access.Access;
import kr.gukdae.app.access.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /metrics}: Prometheus text format. Readable by the office, or by a scraper that sends
 * {@code Authorization: Bearer <gukdae.metrics.token>}; never by the public, since it names worker
 * hosts and model endpoints. Not by loopback address either: behind a reverse proxy on the same
 * machine every request comes from loopback.
 */
@RestController
class MetricsController {

  private final PrometheusMeterRegistry registry;
  private final ClusterMetrics cluster;
  private final JobPieceMetrics jobPieces;
  private final Access access;
  private final byte[] token;

  MetricsController(
      PrometheusMeterRegistry registry,
      ClusterMetrics cluster,
      JobPieceMetrics jobPieces,
      Access access,
      @Value("${gukdae.metrics.token:}") String token) {
    this.registry = registry;
    this.cluster = cluster;
    this.jobPieces = jobPieces;
    this.access = access;
    this.token = token.strip().getBytes(StandardCharsets.UTF_8);
  }

  @GetMapping("/metrics")
  ResponseEntity<String> metrics(HttpServletRequest request) {
    if (!scraperWithToken(request)) {
      access.require(request, Role.OFFICE);
    }
    cluster.refresh();
    jobPieces.refresh();
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("text/plain; version=0.0.4; charset=utf-8"))
        .body(registry.scrape());
  }

  private boolean scraperWithToken(HttpServletRequest request) {
    String auth = request.getHeader("Authorization");
    if (token.length == 0 || auth == null || !auth.startsWith("Bearer ")) {
      return false;
    }
    byte[] given = auth.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(given, token); // constant time: no guessing byte by byte
  }
}
