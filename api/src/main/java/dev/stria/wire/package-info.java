/**
 * Not API: the protobuf wire-format writer that Stria's exporters share (OTLP requests, the
 * Prometheus protobuf scrape), so that neither needs a protobuf runtime. Exported only to Stria's
 * exporter modules; may change in any release.
 */
package dev.stria.wire;
