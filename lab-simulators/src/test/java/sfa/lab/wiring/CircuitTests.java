package sfa.lab.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CircuitTests {

    private final Board board = new Board();
    private final Supply psu = board.add(new Supply("PSU"));

    @Test
    void aRelayOutputClosesItsContactBetweenCommonAndThePoint() {
        OutputModule out = board.add(new OutputModule("OUT", OutputModule.Kind.RELAY, 4));
        Load lamp = board.add(new Load("H1", Load.Kind.LAMP));
        board.wire("PSU.+24V", "OUT.COM").wire("OUT.Y2", "H1.X1").wire("H1.X2", "PSU.0V");
        Circuit circuit = board.compile();

        assertThat(lamp.powered()).isFalse();
        out.set(2, true);
        circuit.update();
        assertThat(lamp.powered()).isTrue();
        assertThat(circuit.level(new Terminal("OUT", "Y2"))).isEqualTo(Level.HIGH);
    }

    @Test
    void aTransistorOutputWithoutSupplyOnItsPTerminalPowersNothing() {
        OutputModule out = board.add(new OutputModule("OUT", OutputModule.Kind.TRANSISTOR_SOURCE, 4));
        Load coil = board.add(new Load("Y1", Load.Kind.SOLENOID));
        board.wire("OUT.Y0", "Y1.A1").wire("Y1.A2", "PSU.0V");
        Circuit circuit = board.compile();

        out.set(0, true);
        circuit.update();
        assertThat(coil.powered()).isFalse();
    }

    @Test
    void anInterposingRelayOpensItsNormallyClosedContactWhenItsCoilIsPowered() {
        InterposingRelay k1 = board.add(new InterposingRelay("K1"));
        Contact button = board.add(new Contact("S1", "13", "14", false, "푸시버튼", "push button"));
        Load nc = board.add(new Load("H1", Load.Kind.LAMP));
        Load no = board.add(new Load("H2", Load.Kind.LAMP));
        board.wire("PSU.+24V", "S1.13").wire("S1.14", "K1.A1").wire("K1.A2", "PSU.0V")
                .wire("PSU.+24V", "K1.11").wire("K1.12", "H1.X1").wire("H1.X2", "PSU.0V")
                .wire("K1.14", "H2.X1").wire("H2.X2", "PSU.0V");
        Circuit circuit = board.compile();
        assertThat(nc.powered()).isTrue();
        assertThat(no.powered()).isFalse();

        button.set(true);
        circuit.update();
        assertThat(k1.energized()).isTrue();
        assertThat(nc.powered()).isFalse();
        assertThat(no.powered()).isTrue();
    }

    @Test
    void aRelayHoldsItselfInThroughItsOwnContactOnceStarted() {
        InterposingRelay k1 = board.add(new InterposingRelay("K1"));
        Contact start = board.add(new Contact("S1", "13", "14", false, "시작", "start"));
        board.wire("PSU.+24V", "S1.13").wire("S1.14", "K1.A1").wire("K1.A2", "PSU.0V")
                .wire("PSU.+24V", "K1.11").wire("K1.14", "K1.A1");
        Circuit circuit = board.compile();

        start.set(true);
        circuit.update();
        start.set(false);
        circuit.update();
        assertThat(k1.energized()).isTrue();
    }

    @Test
    void aRelayThatBreaksItsOwnCoilCircuitIsReportedAsChattering() {
        board.add(new InterposingRelay("K1"));
        board.wire("PSU.+24V", "K1.11").wire("K1.12", "K1.A1").wire("K1.A2", "PSU.0V");
        Circuit circuit = board.compile();

        assertThat(circuit.chattering()).isTrue();
        assertThat(circuit.diagnose().has("CHATTER")).isTrue();
    }

    @Test
    void aWireStraightFromPlusToZeroBlowsTheFuseAtOnce() {
        board.wire("PSU.+24V", "PSU.0V");
        Circuit circuit = board.compile();

        assertThat(psu.fuseBlown()).isTrue();
        assertThat(circuit.level(new Terminal("PSU", "+24V"))).isEqualTo(Level.FLOATING);
        Finding finding = circuit.diagnose().findings().getFirst();
        assertThat(finding.ko()).contains("퓨즈");
        assertThat(finding.en()).contains("{PSU.+24V, PSU.0V}");
    }

    @Test
    void aSolveWithNothingChangedDoesNoWork() {
        board.add(new Load("H1", Load.Kind.LAMP));
        board.wire("PSU.+24V", "H1.X1").wire("H1.X2", "PSU.0V");
        Circuit circuit = board.compile();

        assertThat(circuit.update()).isFalse();
        circuit.invalidate();
        assertThat(circuit.update()).isTrue();
    }

    @Test
    void aWireToAComponentThatIsNotOnTheBoardIsRefusedInBothLanguages() {
        assertThatThrownBy(() -> board.wire("PSU.+24V", "S7.BN"))
                .isInstanceOf(WiringException.class)
                .hasMessageContaining("no component S7")
                .satisfies(e -> assertThat(((WiringException) e).korean()).contains("S7 부품이 없습니다"));
    }
}
