package dev.stria.jmh.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void parsesNestedObjectsArraysNumbersAndLiterals() {
    Object parsed = Json.parse("{\"a\": [1, -2.5e3, true, null], \"b\": {\"c\": false}}");

    Map<String, Object> object = Json.object(parsed);
    assertThat(Json.array(object.get("a"))).containsExactly(1.0, -2500.0, true, null);
    assertThat(Json.object(object.get("b"))).containsEntry("c", false);
  }

  @Test
  void readsTheNanStringJmhWritesAsNotANumber() {
    List<Object> values = Json.array(Json.parse("[\"NaN\", 3]"));

    assertThat(Json.number(values.get(0))).isNaN();
    assertThat(Json.number(values.get(1))).isEqualTo(3.0);
  }

  @Test
  void decodesStringEscapes() {
    Object parsed = Json.parse("\"a\\\"b\\\\c\\n\\u00b7\"");

    assertThat(parsed).isEqualTo("a\"b\\c\n\u00b7");
  }

  @Test
  void rejectsTrailingCharactersWithTheirOffset() {
    assertThatThrownBy(() -> Json.parse("[1] x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("offset 4");
  }
}
