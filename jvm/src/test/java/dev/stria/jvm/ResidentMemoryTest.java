package dev.stria.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResidentMemoryTest {

  @Test
  void statmGivesSizeAndResidentPages() {
    byte[] line = "2893745 13570 6010 1 0 181331 0\n".getBytes(StandardCharsets.US_ASCII);
    assertThat(ResidentMemory.parseStatm(line)).containsExactly(2893745, 13570);
    assertThat(ResidentMemory.parseStatm(new byte[0])).isEmpty();
  }

  @Test
  void statusLinesGiveTheirKilobytes() {
    String status = "Name:\tjava\nVmSize:\t 11574980 kB\nVmRSS:\t   54280 kB\n";
    assertThat(ResidentMemory.statusKilobytes(status, "VmRSS:")).isEqualTo(54280);
    assertThat(ResidentMemory.statusKilobytes(status, "VmSize:")).isEqualTo(11574980);
    assertThat(ResidentMemory.statusKilobytes(status, "VmSwap:")).isEqualTo(-1);
  }

  @Test
  void thePageSizeWorkedOutOnThisMachineIsAPowerOfTwoOfAtLeast4Kilobytes() {
    ResidentMemory resident = ResidentMemory.find();
    assertThat(resident).as("Linux has /proc/self/statm").isNotNull();
    assertThat(Long.bitCount(resident.pageBytes())).isEqualTo(1);
    assertThat(resident.pageBytes()).isGreaterThanOrEqualTo(4096);
  }
}
