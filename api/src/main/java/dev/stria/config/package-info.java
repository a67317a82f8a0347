/**
 * Not API: how Stria's exporters read the standard {@code OTEL_*} settings (environment variable
 * or system property) and build the resource they report, so that every exporter reads them the
 * same way. Exported only to Stria's exporter modules; may change in any release.
 */
package dev.stria.config;
