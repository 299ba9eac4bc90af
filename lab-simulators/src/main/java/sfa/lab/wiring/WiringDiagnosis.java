package sfa.lab.wiring;

import java.util.ArrayList;
import java.util.List;

/**
 * What is wrong with a wiring, found from the circuit itself and never from an answer key: a blown
 * fuse and the net that shorted, sensors without supply or with reversed polarity, sensor outputs
 * that cannot drive the input they are wired to because of the COM polarity, and loose commons.
 */
public record WiringDiagnosis(List<Finding> findings) {

    public WiringDiagnosis {
        findings = List.copyOf(findings);
    }

    public boolean ok() {
        return findings.isEmpty();
    }

    public boolean has(String code) {
        return findings.stream().anyMatch(f -> f.code().equals(code));
    }

    static WiringDiagnosis of(Circuit circuit) {
        return new Rules(circuit).run();
    }

    /** What a net joined by wires alone is tied to. */
    private enum Rail {
        PLUS, ZERO, NONE, SHORTED
    }

    /** The rules, applied to the nets joined by wires alone (switches are judged by what they can do). */
    private static final class Rules {
        private final Circuit circuit;
        private final List<Finding> out = new ArrayList<>();

        Rules(Circuit circuit) {
            this.circuit = circuit;
        }

        WiringDiagnosis run() {
            for (Circuit.ShortCircuit sc : circuit.shorts()) {
                Net net = sc.nets().getFirst();
                String nets = String.join(" + ", sc.nets().stream().map(Net::label).toList());
                String through = sc.through().isEmpty() ? ""
                        : " (through " + String.join(", ", sc.through()) + ")";
                String throughKo = sc.through().isEmpty() ? ""
                        : " (" + String.join(", ", sc.through()) + "을(를) 거쳐)";
                out.add(new Finding("FUSE_BLOWN", net,
                        sc.supply() + " 퓨즈가 끊어졌습니다: +24 V가 부하 없이 0 V에 연결되었습니다" + throughKo
                                + " — 네트 " + nets + ". 단락을 없앤 뒤 퓨즈를 교체하세요.",
                        "the fuse of " + sc.supply() + " blew: +24 V was joined to 0 V without a load" + through
                                + " — net " + nets + ". Remove the short, then replace the fuse."));
            }
            for (Component c : circuit.components()) {
                if (c instanceof ThreeWireSensor sensor && wired(sensor)) {
                    checkSupply(sensor);
                }
            }
            for (Component c : circuit.components()) {
                if (c instanceof ThreeWireSensor sensor && rail(sensor.terminal("BN")) == Rail.PLUS
                        && rail(sensor.terminal("BU")) == Rail.ZERO) {
                    checkOutput(sensor);
                }
            }
            for (Component c : circuit.components()) {
                if (c instanceof DcInputModule module) {
                    checkCommon(module);
                }
            }
            if (circuit.chattering()) {
                Net net = circuit.nets().getFirst();
                out.add(new Finding("CHATTER", net,
                        "릴레이가 계속 붙었다 떨어졌다 합니다: 릴레이 접점이 자기 코일을 끊는 배선이 있는지 확인하세요.",
                        "a relay keeps switching on and off: look for a relay contact that breaks its own coil circuit."));
            }
            return new WiringDiagnosis(out);
        }

        private void checkSupply(ThreeWireSensor sensor) {
            Terminal bn = sensor.terminal("BN");
            Terminal bu = sensor.terminal("BU");
            Rail plus = rail(bn);
            Rail zero = rail(bu);
            if (plus == Rail.SHORTED || zero == Rail.SHORTED) {
                return; // the blown fuse is the finding
            }
            String who = sensor.name() + " (" + sensor.describeEn() + ")";
            String whoKo = sensor.name() + " (" + sensor.describeKo() + ")";
            if (plus == Rail.ZERO && zero == Rail.PLUS) {
                add("SENSOR_REVERSED", circuit.net(bn),
                        whoKo + "의 전원 극성이 반대입니다: 갈색(BN)이 0 V, 청색(BU)이 +24 V에 연결되어 센서가 동작하지 않고 입력이 켜지지 않습니다."
                                + " 갈색을 +24 V, 청색을 0 V에 연결하세요.",
                        who + " has its supply reversed: brown (BN) is on 0 V and blue (BU) on +24 V, so the sensor"
                                + " is dead and its input stays dark. Connect brown to +24 V and blue to 0 V.");
                return;
            }
            if (plus != Rail.PLUS) {
                add("SENSOR_NO_PLUS", circuit.net(bn),
                        whoKo + "의 갈색(BN) 선이 +24 V에 연결되어 있지 않아 센서에 전원이 없습니다 — 네트 "
                                + circuit.net(bn).label() + ".",
                        who + ": brown (BN) is not connected to +24 V, so the sensor has no power — net "
                                + circuit.net(bn).label() + ".");
            }
            if (zero != Rail.ZERO) {
                add("SENSOR_NO_ZERO", circuit.net(bu),
                        whoKo + "의 청색(BU) 선이 0 V에 연결되어 있지 않아 센서가 동작하지 않습니다 — 네트 "
                                + circuit.net(bu).label() + ".",
                        who + ": blue (BU) is not connected to 0 V, so the sensor is dead — net "
                                + circuit.net(bu).label() + ".");
            }
        }

        private void checkOutput(ThreeWireSensor sensor) {
            Terminal bk = sensor.terminal("BK");
            Net out = circuit.net(bk);
            boolean pnp = sensor.output() == SensorOutput.PNP;
            Rail needed = pnp ? Rail.ZERO : Rail.PLUS;
            String neededText = pnp ? "0 V" : "+24 V";
            boolean drivesSomething = false;
            for (CircuitBuilder.Load load : circuit.loadElements()) {
                Terminal other;
                if (out.contains(load.a())) {
                    other = load.b();
                } else if (out.contains(load.b())) {
                    other = load.a();
                } else {
                    continue;
                }
                if (load.owner() == sensor) {
                    continue;
                }
                drivesSomething = true;
                Rail otherRail = rail(other);
                if (otherRail != Rail.PLUS && otherRail != Rail.ZERO || otherRail == needed) {
                    continue; // a loose common is reported once, for the module; a short by the fuse
                }
                String ko = sensor.name() + "은(는) " + sensor.output() + " 출력이라 " + (pnp ? "+24 V를 내보내는데" : "0 V로 끌어당기는데")
                        + " " + other + "도 " + (pnp ? "+24 V" : "0 V") + "라서 전류가 흐르지 않습니다. "
                        + other + "를 " + neededText + "에 연결하거나 중계 릴레이를 사용하세요";
                String en = sensor.name() + " has a " + sensor.output() + " output that "
                        + (pnp ? "sources +24 V" : "sinks to 0 V") + ", but " + other + " is also at "
                        + (pnp ? "+24 V" : "0 V") + ", so no current can flow. Connect " + other + " to "
                        + neededText + " or use the interposing relay";
                add("OUTPUT_COMMON_MISMATCH", out, ko + " — 네트 " + out.label() + ".", en + " — net " + out.label() + ".");
            }
            if (!drivesSomething) {
                add("OUTPUT_NOT_CONNECTED", out,
                        sensor.name() + "의 검은색(BK) 출력선이 입력이나 릴레이 코일에 연결되어 있지 않습니다 — 네트 " + out.label() + ".",
                        sensor.name() + ": the black (BK) output wire goes to no input and no relay coil — net "
                                + out.label() + ".");
            }
        }

        private void checkCommon(DcInputModule module) {
            Terminal com = module.terminal("COM");
            if (rail(com) != Rail.NONE) {
                return;
            }
            boolean used = false;
            for (int i = 0; i < module.points(); i++) {
                used |= circuit.net(module.terminal("X" + i)).terminals().size() > 1;
            }
            if (!used) {
                return;
            }
            add("COMMON_NOT_CONNECTED", circuit.net(com),
                    module.name() + "의 COM 단자가 +24 V에도 0 V에도 연결되어 있지 않아 어떤 입력도 켜지지 않습니다."
                            + " PNP 센서는 COM을 0 V에, NPN 센서는 +24 V에 연결합니다.",
                    module.name() + ": COM is connected to neither +24 V nor 0 V, so no input can light."
                            + " PNP sensors need COM on 0 V, NPN sensors need it on +24 V.");
        }

        /** A sensor with no wire on any terminal is simply not used. */
        private boolean wired(ThreeWireSensor sensor) {
            for (String pin : sensor.pins()) {
                if (circuit.net(sensor.terminal(pin)).terminals().size() > 1) {
                    return true;
                }
            }
            return false;
        }

        /** +24 V or 0 V when a wire path joins the terminal to a supply terminal; both is a short. */
        private Rail rail(Terminal t) {
            Net net = circuit.net(t);
            boolean high = false;
            boolean low = false;
            for (Terminal m : net.terminals()) {
                if (circuit.components().stream().anyMatch(c -> c instanceof Supply && c.name().equals(m.component()))) {
                    high |= m.pin().equals("+24V");
                    low |= m.pin().equals("0V");
                }
            }
            return high && low ? Rail.SHORTED : high ? Rail.PLUS : low ? Rail.ZERO : Rail.NONE;
        }

        private void add(String code, Net net, String ko, String en) {
            out.add(new Finding(code, net, ko, en));
        }
    }
}
