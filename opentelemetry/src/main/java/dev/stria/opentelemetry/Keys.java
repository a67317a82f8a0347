package dev.stria.opentelemetry;

import io.opentelemetry.api.common.Attributes;

/** The series key of an attribute set: null means no attributes, as the API allows. */
final class Keys {
  private Keys() {}

  static Attributes of(Attributes attributes) {
    return attributes == null ? Attributes.empty() : attributes;
  }
}
