package sfa.lab.plc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScanCycleTests {

    @Test
    void addressesAreReadAsTheyAreWrittenOnAWorksheet() {
        assertThat(Address.parse("%IX0.3")).isEqualTo(new Address(Address.Area.IX, 3));
        assertThat(Address.parse("%qx1.0")).isEqualTo(new Address(Address.Area.QX, 8));
        assertThat(Address.parse("%IW1")).isEqualTo(new Address(Address.Area.IW, 1));
        assertThat(Address.parse("%QW0").toString()).isEqualTo("%QW0");
        assertThat(Address.parse("%IX0.7").toString()).isEqualTo("%IX0.7");
    }

    @Test
    void aMalformedAddressIsRefusedWithTheFormsThatWork() {
        assertThatThrownBy(() -> Address.parse("%IX0.8")).hasMessageContaining("outside the I/O image");
        assertThatThrownBy(() -> Address.parse("%IX0")).hasMessageContaining("needs a bit number");
        assertThatThrownBy(() -> Address.parse("%IW0.1")).hasMessageContaining("takes no bit number");
        assertThatThrownBy(() -> Address.parse("X0")).hasMessageContaining("%IX0.0, %QX0.0, %IW0 or %QW0");
    }

    @Test
    void aScanReadsInputsRunsTheProgramAndWritesOutputs() {
        boolean[] lamp = new boolean[1];
        boolean[] button = {true};
        ScanCycle plc = new ScanCycle(10, (JavaProgram) (io, ctx) -> io.setOutput(0, io.input(0)));
        plc.bindInput(Address.parse("%IX0.0"), () -> button[0]);
        plc.bindOutput(Address.parse("%QX0.0"), on -> lamp[0] = on);

        plc.scan(0);
        assertThat(lamp[0]).isTrue();
        button[0] = false;
        plc.scan(10);
        assertThat(lamp[0]).isFalse();
        assertThat(plc.scans()).isEqualTo(2);
    }

    @Test
    void aProgramFaultStopsThePlcWithEveryOutputOff() {
        boolean[] motor = new boolean[1];
        ScanCycle plc = new ScanCycle(10, (JavaProgram) (io, ctx) -> {
            io.setOutput(0, true);
            if (ctx.nowMillis() >= 20) {
                throw new PlcFault("division by zero at line 3:9", "3행 9열: 0으로 나누었습니다");
            }
        });
        plc.bindOutput(Address.parse("%QX0.0"), on -> motor[0] = on);

        plc.scan(0);
        plc.scan(10);
        assertThat(motor[0]).isTrue();
        plc.scan(20);
        assertThat(plc.mode()).isEqualTo(PlcMode.STOP);
        assertThat(motor[0]).isFalse();
        assertThat(plc.fault()).isNotNull();
        assertThat(plc.fault().korean()).contains("0으로");
        plc.scan(30);
        assertThat(motor[0]).isFalse();
    }

    @Test
    void programsSeeSimulatedTimeOnly() {
        long[] seen = new long[2];
        ScanCycle plc = new ScanCycle(20, (JavaProgram) (io, ctx) -> {
            seen[0] = ctx.nowMillis();
            seen[1] = ctx.cycleMillis();
        });
        plc.scan(12_340);
        assertThat(seen).containsExactly(12_340, 20);
    }

    @Test
    void theManualSourceForcesOnlyOutputs() {
        ManualSource manual = new ManualSource();
        assertThatThrownBy(() -> manual.force(Address.parse("%IX0.0"), true)).hasMessageContaining("only outputs");
        manual.force(Address.parse("%QX0.2"), true);
        IoImage io = new IoImage();
        manual.scan(io, ScanContext.of(0, 0, 10));
        assertThat(io.output(2)).isTrue();
    }
}
