package dev.stria.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stria.examples.CommandLine.Mode;
import dev.stria.examples.CommandLine.UsageException;
import org.junit.jupiter.api.Test;

class CommandLineTest {

  @Test
  void noArgumentsMeansTheServiceOnTheDefaultAddress() {
    assertThat(CommandLine.parse()).isEqualTo(
        new CommandLine(Mode.SERVICE, "127.0.0.1", 9464, 300, null, false));
  }

  @Test
  void serviceTakesHostAndPortInEitherSpelling() {
    assertThat(CommandLine.parse("service", "--host", "0.0.0.0", "--port=8080"))
        .isEqualTo(new CommandLine(Mode.SERVICE, "0.0.0.0", 8080, 300, null, false));
  }

  @Test
  void batchTakesIterations() {
    assertThat(CommandLine.parse("batch", "--iterations", "12").iterations()).isEqualTo(12);
  }

  @Test
  void batchTakesAPushgatewayInEitherSpelling() {
    assertThat(CommandLine.parse("batch", "--pushgateway", "http://pgw:9091").pushgateway())
        .isEqualTo("http://pgw:9091");
    assertThat(CommandLine.parse("batch", "--pushgateway=pgw:9091").pushgateway())
        .isEqualTo("pgw:9091");
    assertThat(CommandLine.parse("batch").pushgateway()).isNull();
  }

  @Test
  void aPushgatewayOutsideBatchModeIsAUsageError() {
    assertThatThrownBy(() -> CommandLine.parse("service", "--pushgateway", "pgw:9091"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("--pushgateway does not apply to mode service");
  }

  @Test
  void bothServesOnTheGivenPort() {
    CommandLine both = CommandLine.parse("both", "--port", "0");
    assertThat(both.mode()).isEqualTo(Mode.BOTH);
    assertThat(both.port()).isZero();
  }

  @Test
  void helpIsRecognisedAfterAMode() {
    assertThat(CommandLine.parse("batch", "--help").help()).isTrue();
  }

  @Test
  void anUnknownModeIsAUsageError() {
    assertThatThrownBy(() -> CommandLine.parse("serve"))
        .isInstanceOf(UsageException.class).hasMessageContaining("'serve'");
  }

  @Test
  void anUnknownOptionIsAUsageError() {
    assertThatThrownBy(() -> CommandLine.parse("service", "--verbose"))
        .isInstanceOf(UsageException.class).hasMessageContaining("'--verbose'");
  }

  @Test
  void aPortOutOfRangeIsAUsageError() {
    assertThatThrownBy(() -> CommandLine.parse("--port", "70000"))
        .isInstanceOf(UsageException.class).hasMessageContaining("70000");
  }

  @Test
  void aMissingValueIsAUsageError() {
    assertThatThrownBy(() -> CommandLine.parse("batch", "--iterations"))
        .isInstanceOf(UsageException.class).hasMessageContaining("needs a value");
  }

  @Test
  void zeroIterationsIsAUsageError() {
    assertThatThrownBy(() -> CommandLine.parse("batch", "--iterations", "0"))
        .isInstanceOf(UsageException.class).hasMessageContaining("outside 1..");
  }

  @Test
  void anOptionOfAnotherModeIsAUsageError() {
    assertThatThrownBy(() -> CommandLine.parse("batch", "--port", "1"))
        .isInstanceOf(UsageException.class).hasMessageContaining("does not apply to mode batch");
    assertThatThrownBy(() -> CommandLine.parse("service", "--iterations", "1"))
        .isInstanceOf(UsageException.class).hasMessageContaining("does not apply to mode service");
  }
}
