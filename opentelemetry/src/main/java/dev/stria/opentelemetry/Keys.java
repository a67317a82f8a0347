package dev.stria.opentelemetry;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How an instrument turns the attributes it is given into the key of a series: null means no
 * attributes, as the API allows; with attributes advice (the incubator's {@code
 * setAttributesAdvice}), only the advised keys are kept, as the SDK does.
 *
 * <p>Filtering builds a new {@code Attributes}, so the filtered set of each attribute object seen
 * is remembered (up to {@link #MAX_REMEMBERED} objects): recording again with a prebuilt {@code
 * Attributes} is then one more hash lookup and allocates nothing. Past that many distinct
 * objects (advice often drops a key of high cardinality), further ones are filtered on every call.
 */
final class Keys {
  /** Every attribute is kept: the instruments without advice. */
  static final Keys ALL = new Keys(null);

  static final int MAX_REMEMBERED = 4096;

  private final Set<AttributeKey<?>> advised;
  private final ConcurrentHashMap<Attributes, Attributes> filtered;

  private Keys(Set<AttributeKey<?>> advised) {
    this.advised = advised;
    this.filtered = advised == null ? null : new ConcurrentHashMap<>();
  }

  /** Keeps only {@code advice}'s keys; null advice keeps every key. */
  static Keys advised(List<AttributeKey<?>> advice) {
    return advice == null ? ALL : new Keys(Set.copyOf(advice));
  }

  /** The series key of {@code attributes}. */
  Attributes of(Attributes attributes) {
    if (attributes == null) {
      return Attributes.empty();
    }
    if (advised == null) {
      return attributes;
    }
    Attributes known = filtered.get(attributes);
    if (known != null) {
      return known;
    }
    Attributes kept = attributes.toBuilder().removeIf(key -> !advised.contains(key)).build();
    if (filtered.size() < MAX_REMEMBERED) {
      filtered.putIfAbsent(attributes, kept);
    }
    return kept;
  }
}
