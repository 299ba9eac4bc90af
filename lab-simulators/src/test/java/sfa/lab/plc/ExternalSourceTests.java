package sfa.lab.plc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExternalSourceTests {

    @Test
    void aClientsWriteReachesTheOutputAtTheNextScanAndStaysUntilChanged() {
        ExternalSource external = new ExternalSource();
        boolean[] motor = new boolean[1];
        int[] speed = new int[1];
        ScanCycle plc = new ScanCycle(10, external);
        plc.bindOutput(Address.parse("%QX0.0"), on -> motor[0] = on);
        plc.bindOutputWord(Address.parse("%QW0"), v -> speed[0] = v);

        external.write(Address.parse("%QX0.0"), true);
        external.write(Address.parse("%QW0"), 40_000);
        assertThat(motor[0]).as("nothing changes between scans").isFalse();

        plc.scan(0);
        assertThat(motor[0]).isTrue();
        assertThat(speed[0]).as("clamped to an INT").isEqualTo(Short.MAX_VALUE);
        plc.scan(10);
        assertThat(motor[0]).isTrue();

        external.write(Address.parse("%QX0.0"), false);
        plc.scan(20);
        assertThat(motor[0]).isFalse();
    }

    @Test
    void writesArriveInOrderAndResetForgetsThem() {
        ExternalSource external = new ExternalSource();
        boolean[] lamp = new boolean[1];
        ScanCycle plc = new ScanCycle(10, external);
        plc.bindOutput(Address.parse("%QX0.1"), on -> lamp[0] = on);

        external.write(Address.parse("%QX0.1"), true);
        external.write(Address.parse("%QX0.1"), false);
        plc.scan(0);
        assertThat(lamp[0]).as("the last write wins").isFalse();

        external.write(Address.parse("%QX0.1"), true);
        external.reset();
        plc.scan(10);
        assertThat(lamp[0]).isFalse();
    }

    @Test
    void aClientCannotWriteAnInput() {
        ExternalSource external = new ExternalSource();

        assertThatThrownBy(() -> external.write(Address.parse("%IX0.0"), true))
                .hasMessageContaining("only outputs (%QX, %QW) can");
        assertThatThrownBy(() -> external.write(Address.parse("%IW0"), 5))
                .hasMessageContaining("%IW0 cannot be written by a client");
    }
}
