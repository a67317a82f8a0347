/**
 * The Prometheus exporter: {@link dev.stria.prometheus.PrometheusExporter} serves a scrape
 * endpoint, {@link dev.stria.prometheus.StriaCollector} lets a Stria registry join any Prometheus
 * {@code PrometheusRegistry}. The conversion rules are listed on {@link
 * dev.stria.prometheus.PrometheusExporter}.
 */
package dev.stria.prometheus;
