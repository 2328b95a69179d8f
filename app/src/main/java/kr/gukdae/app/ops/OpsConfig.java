package kr.gukdae.app.ops;

import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Prometheus registry (this process's JVM) and the cluster-wide gauges over the database. */
@Configuration(proxyBeanMethods = false)
class OpsConfig {

  @Bean
  PrometheusMeterRegistry prometheusMeterRegistry() {
    var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    return registry;
  }

  @Bean
  ClusterMetrics clusterMetrics(DataSource dataSource, PrometheusMeterRegistry registry) {
    return new ClusterMetrics(dataSource, registry);
  }

  @Bean
  JobPieceMetrics jobPieceMetrics(DataSource dataSource, PrometheusMeterRegistry registry) {
    return new JobPieceMetrics(dataSource, registry);
  }
}
