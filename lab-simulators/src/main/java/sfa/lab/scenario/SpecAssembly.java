package sfa.lab.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import sfa.lab.equipment.AnalogInput;
import sfa.lab.equipment.Bin;
import sfa.lab.equipment.Conveyor;
import sfa.lab.equipment.Cylinder;
import sfa.lab.equipment.Dial;
import sfa.lab.equipment.Diverter;
import sfa.lab.equipment.EmergencyStop;
import sfa.lab.equipment.Equipment;
import sfa.lab.equipment.Lamp;
import sfa.lab.equipment.Operable;
import sfa.lab.equipment.PartFeeder;
import sfa.lab.equipment.PickAndPlace;
import sfa.lab.equipment.PushButton;
import sfa.lab.equipment.Sensor;
import sfa.lab.equipment.SensorTarget;
import sfa.lab.equipment.ServoAxis;
import sfa.lab.equipment.SolenoidValve;
import sfa.lab.equipment.Tank;
import sfa.lab.plant.Panel;
import sfa.lab.plant.PlantBuilder;
import sfa.lab.plc.Address;
import sfa.lab.wiring.Contact;
import sfa.lab.wiring.DcInputModule;
import sfa.lab.wiring.InterposingRelay;
import sfa.lab.wiring.Load;
import sfa.lab.wiring.SensorOutput;
import sfa.lab.wiring.Supply;
import sfa.lab.wiring.ThreeWireSensor;

/**
 * Builds a plant from a lab spec: each equipment entry becomes its equipment and electrical parts,
 * then the I/O map wires every point on the standard panel (or to a bare board's input module).
 * Problems (an unknown type, a reference to a part not declared before, a bad parameter) are added
 * with the line of the entry; the loader assembles every spec once to find them.
 */
final class SpecAssembly {

    /** The equipment types a spec may use and the parameters each takes. */
    static final Map<String, List<String>> TYPES = Map.ofEntries(
            Map.entry("push_button", List.of("contact", "ko", "en")),
            Map.entry("emergency_stop", List.of()),
            Map.entry("lamp", List.of()),
            Map.entry("bin", List.of()),
            Map.entry("conveyor", List.of("length_m", "speed_mps", "end_bin")),
            Map.entry("feeder", List.of("conveyor", "first_front_m", "spacing_m", "part_size_m", "starts_with")),
            Map.entry("sensor", List.of("kind", "output", "conveyor", "at_m", "watches", "target")),
            Map.entry("cylinder", List.of("acting", "extend_coil", "retract_coil", "extend_s", "retract_s", "home_switch",
                    "out_switch")),
            Map.entry("diverter", List.of("cylinder", "conveyor", "at_m", "bin")),
            Map.entry("tank", List.of("height_m", "pump", "drain", "pump_mps", "drain_mps", "consumer_min_mps",
                    "consumer_max_mps", "consumer_period_s")),
            Map.entry("analog_input", List.of("source")),
            Map.entry("servo_axis", List.of("length_mm", "max_speed_mmps", "lag_s", "coast_s", "enable")),
            Map.entry("dial", List.of("min", "max", "initial", "operated_as")),
            Map.entry("pick_and_place", List.of("x", "z", "vacuum", "vacuum_switch", "arrival_gap_s", "grip_s", "starts_with")),
            Map.entry("supply", List.of()),
            Map.entry("input_module", List.of("points")),
            Map.entry("interposing_relay", List.of()));

    private final LabSpec spec;
    private final PlantBuilder b;
    private final List<Problem> problems;
    private final Map<String, Equipment> equipment = new LinkedHashMap<>();
    private final Map<String, Contact> contacts = new LinkedHashMap<>();
    private final Map<String, ThreeWireSensor> sensors = new LinkedHashMap<>();
    private final Map<String, Load> loads = new LinkedHashMap<>();
    private final Map<String, AnalogInput> analogInputs = new LinkedHashMap<>();
    private final Map<String, ServoAxis> drives = new LinkedHashMap<>();
    private final Map<String, DcInputModule> inputModules = new LinkedHashMap<>();
    private LabSpec.Part part;

    private SpecAssembly(LabSpec spec, PlantBuilder builder, List<Problem> problems) {
        this.spec = spec;
        this.b = builder;
        this.problems = problems;
    }

    static void assemble(LabSpec spec, PlantBuilder builder, List<Problem> problems) {
        new SpecAssembly(spec, builder, problems).run();
    }

    private void run() {
        Panel panel = spec.standardPanel() ? Panel.standard(b) : null;
        for (LabSpec.Part p : spec.equipment()) {
            part = p;
            try {
                build(p);
            } catch (sfa.lab.wiring.WiringException e) {
                problem(p.line(), p.column(), e.english(), e.korean());
            } catch (IllegalArgumentException e) {
                problem(p.line(), p.column(), e.getMessage(), e.getMessage());
            }
        }
        for (LabSpec.Io io : spec.io()) {
            try {
                wire(panel, io);
            } catch (sfa.lab.wiring.WiringException e) {
                problem(io.line(), io.column(), e.english(), e.korean());
            } catch (IllegalArgumentException e) {
                problem(io.line(), io.column(), e.getMessage(), e.getMessage());
            }
        }
    }

    private void problem(int line, int column, String en, String ko) {
        problems.add(new Problem(spec.file(), line, column, en, ko));
    }

    // --- parameters -------------------------------------------------------------------------

    private LabSpec.@Nullable Value value(String key) {
        return part.params().get(key);
    }

    private String text(String key) {
        LabSpec.Value v = value(key);
        if (v == null) {
            problem(part.line(), part.column(), part.type() + " " + part.name() + " needs '" + key + "'",
                    part.type() + " " + part.name() + "에 '" + key + "' 항목이 필요합니다");
            return "";
        }
        return v.text();
    }

    private String text(String key, String fallback) {
        LabSpec.Value v = value(key);
        return v == null ? fallback : v.text();
    }

    private double number(String key, double min, double max) {
        LabSpec.Value v = value(key);
        if (v == null) {
            text(key);
            return min;
        }
        return number(v, key, min, max);
    }

    private double number(String key, double fallback, double min, double max) {
        LabSpec.Value v = value(key);
        return v == null ? fallback : number(v, key, min, max);
    }

    private double number(LabSpec.Value v, String key, double min, double max) {
        try {
            double d = Double.parseDouble(v.text());
            if (d < min || d > max) {
                problem(v.line(), v.column(), "'" + key + "' must be between " + min + " and " + max + ", not " + v.text(),
                        "'" + key + "'은(는) " + min + "에서 " + max + " 사이여야 합니다 (지금 " + v.text() + ")");
            }
            return d;
        } catch (NumberFormatException e) {
            problem(v.line(), v.column(), "'" + key + "' must be a number, not '" + v.text() + "'",
                    "'" + key + "'은(는) 숫자여야 합니다 (지금 '" + v.text() + "')");
            return min;
        }
    }

    /** A part declared earlier in the file, of the expected class. */
    private <T extends Equipment> @Nullable T ref(String key, Class<T> type, String what, String whatKo) {
        String name = text(key).toUpperCase(Locale.ROOT);
        Equipment e = equipment.get(name);
        if (type.isInstance(e)) {
            return type.cast(e);
        }
        LabSpec.Value v = value(key);
        int line = v == null ? part.line() : v.line();
        int column = v == null ? part.column() : v.column();
        problem(line, column, "'" + name + "' is not a " + what + " declared above (declared so far: "
                + String.join(", ", equipment.keySet()) + ")",
                "'" + name + "'은(는) 위에서 선언한 " + whatKo + "가 아닙니다 (지금까지 선언: " + String.join(", ", equipment.keySet()) + ")");
        return null;
    }

    private <E extends Equipment> E add(E e) {
        b.add(e);
        equipment.put(e.stateKey().toUpperCase(Locale.ROOT), e);
        return e;
    }

    private void operable(String name, Operable o) {
        b.operable(name, o);
    }

    // --- equipment --------------------------------------------------------------------------

    private void build(LabSpec.Part p) {
        String n = p.name().toUpperCase(Locale.ROOT);
        switch (p.type()) {
            case "push_button" -> {
                String contact = text("contact").toUpperCase(Locale.ROOT);
                if (!contact.equals("NO") && !contact.equals("NC")) {
                    throw new IllegalArgumentException("push_button " + n + ": contact is NO or NC, not " + contact);
                }
                String ko = text("ko", contact.equals("NO") ? "푸시버튼, NO" : "푸시버튼, NC");
                String en = text("en", contact.equals("NO") ? "push button, NO" : "push button, NC");
                PushButton button = contact.equals("NO") ? PushButton.normallyOpen(n, ko, en) : PushButton.normallyClosed(n, ko, en);
                add(button);
                operable(n, button);
                contacts.put(n, button.contact());
            }
            case "emergency_stop" -> {
                EmergencyStop e = add(new EmergencyStop(n));
                operable(n, e);
                contacts.put(n, e.contact());
            }
            case "lamp" -> loads.put(n, add(new Lamp(n)).load());
            case "bin" -> add(new Bin(n));
            case "conveyor" -> {
                Bin end = ref("end_bin", Bin.class, "bin", "통");
                if (end != null) {
                    Conveyor c = add(new Conveyor(n, number("length_m", 0.1, 100), number("speed_mps", 0.001, 10), end));
                    loads.put(n, c.motor());
                }
            }
            case "feeder" -> {
                Conveyor c = ref("conveyor", Conveyor.class, "conveyor", "컨베이어");
                PushButton start = ref("starts_with", PushButton.class, "push button", "푸시버튼");
                if (c != null && start != null) {
                    PartFeeder f = new PartFeeder(n, c, number("first_front_m", 0, 100), number("spacing_m", 0.01, 100),
                            number("part_size_m", 0.01, 10), b.random(n.toLowerCase(Locale.ROOT)));
                    add(f);
                    start.onPress(f::start);
                }
            }
            case "sensor" -> sensor(n);
            case "cylinder" -> {
                String acting = text("acting").toLowerCase(Locale.ROOT);
                boolean single = acting.equals("single");
                if (!single && !acting.equals("double")) {
                    throw new IllegalArgumentException("cylinder " + n + ": acting is single or double, not " + acting);
                }
                String extend = text("extend_coil").toUpperCase(Locale.ROOT);
                LabSpec.Value retract = value("retract_coil");
                SolenoidValve valve = retract == null ? SolenoidValve.singleSolenoid(extend)
                        : SolenoidValve.doubleSolenoid(extend, retract.text().toUpperCase(Locale.ROOT));
                double out = number("extend_s", 0.01, 60);
                Cylinder c = add(new Cylinder(n, single ? Cylinder.Acting.SINGLE : Cylinder.Acting.DOUBLE, valve, out,
                        number("retract_s", out, 0.01, 60), text("home_switch").toUpperCase(Locale.ROOT),
                        text("out_switch").toUpperCase(Locale.ROOT)));
                loads.put(extend, valve.extendCoil());
                if (valve.retractCoil() != null) {
                    loads.put(valve.retractCoil().name(), valve.retractCoil());
                }
                contacts.put(c.homeSwitch().name(), c.homeSwitch());
                contacts.put(c.outSwitch().name(), c.outSwitch());
            }
            case "diverter" -> {
                Cylinder c = ref("cylinder", Cylinder.class, "cylinder", "실린더");
                Conveyor conveyor = ref("conveyor", Conveyor.class, "conveyor", "컨베이어");
                Bin bin = ref("bin", Bin.class, "bin", "통");
                if (c != null && conveyor != null && bin != null) {
                    add(new Diverter(n, c, conveyor, number("at_m", 0, 100), bin));
                }
            }
            case "tank" -> {
                Tank t = add(new Tank(n, number("height_m", 0.1, 100), number("pump_mps", 0, 10), number("drain_mps", 0, 10),
                        number("consumer_min_mps", 0, 0, 10), number("consumer_max_mps", 0, 0, 10),
                        (long) (number("consumer_period_s", 10, 0.01, 3600) * 1000), text("pump").toUpperCase(Locale.ROOT),
                        text("drain").toUpperCase(Locale.ROOT), b.random(n.toLowerCase(Locale.ROOT))));
                loads.put(t.pump().name(), t.pump());
                loads.put(t.drain().name(), t.drain());
            }
            case "analog_input" -> {
                String source = text("source");
                String[] parts = source.split("\\.");
                Equipment e = equipment.get(parts[0].toUpperCase(Locale.ROOT));
                AnalogInput.Transmitter tx = switch (e) {
                    case Tank t when parts.length == 2 && parts[1].equalsIgnoreCase("level") -> t.levelTransmitter();
                    case ServoAxis a when parts.length == 2 && parts[1].equalsIgnoreCase("position") -> a.positionTransmitter();
                    case Dial d when parts.length == 1 -> d.transmitter();
                    case null, default -> null;
                };
                if (tx == null) {
                    throw new IllegalArgumentException("analog_input " + n + ": source '" + source
                            + "' is none of TANK.level, AXIS.position or a dial declared above");
                }
                analogInputs.put(n, add(new AnalogInput(n, tx, b.random(n.toLowerCase(Locale.ROOT)))));
            }
            case "servo_axis" -> {
                ServoAxis a = add(new ServoAxis(n, number("length_mm", 1, 100_000), number("max_speed_mmps", 1, 100_000),
                        number("lag_s", 0.001, 10), number("coast_s", 0.001, 10), text("enable").toUpperCase(Locale.ROOT)));
                loads.put(a.enable().name(), a.enable());
                drives.put(n, a);
            }
            case "dial" -> {
                double min = number("min", -1e9, 1e9);
                double max = number("max", -1e9, 1e9);
                Dial d = add(new Dial(n, min, max, number("initial", min, -1e9, 1e9)));
                operable(text("operated_as", n), d);
            }
            case "pick_and_place" -> {
                Cylinder x = ref("x", Cylinder.class, "cylinder", "실린더");
                Cylinder z = ref("z", Cylinder.class, "cylinder", "실린더");
                PushButton start = ref("starts_with", PushButton.class, "push button", "푸시버튼");
                if (x != null && z != null && start != null) {
                    PickAndPlace cell = add(new PickAndPlace(n, x, z, text("vacuum").toUpperCase(Locale.ROOT),
                            text("vacuum_switch").toUpperCase(Locale.ROOT), (long) (number("arrival_gap_s", 0.01, 3600) * 1000),
                            (long) (number("grip_s", 0, 60) * 1000)));
                    start.onPress(cell::start);
                    loads.put(cell.vacuum().name(), cell.vacuum());
                    contacts.put(cell.vacuumSwitch().name(), cell.vacuumSwitch());
                }
            }
            case "supply" -> b.place(new Supply(n));
            case "input_module" -> inputModules.put(n, b.place(new DcInputModule(n, (int) number("points", 8, 1, 32))));
            case "interposing_relay" -> b.place(new InterposingRelay(n));
            default -> throw new IllegalArgumentException("unknown equipment type '" + p.type() + "'; the types are "
                    + String.join(", ", new java.util.TreeSet<>(TYPES.keySet())));
        }
    }

    private void sensor(String n) {
        String kind = text("kind").toLowerCase(Locale.ROOT);
        Sensor.Kind k = switch (kind) {
            case "photoelectric" -> Sensor.Kind.PHOTOELECTRIC;
            case "inductive" -> Sensor.Kind.INDUCTIVE;
            default -> throw new IllegalArgumentException("sensor " + n + ": kind is photoelectric or inductive, not " + kind);
        };
        String out = text("output", "PNP").toUpperCase(Locale.ROOT);
        if (!out.equals("PNP") && !out.equals("NPN")) {
            throw new IllegalArgumentException("sensor " + n + ": output is PNP or NPN, not " + out);
        }
        SensorOutput o = SensorOutput.valueOf(out);
        Sensor s;
        if (value("conveyor") != null) {
            Conveyor c = ref("conveyor", Conveyor.class, "conveyor", "컨베이어");
            if (c == null) {
                return;
            }
            double at = number("at_m", 0, 100);
            s = k == Sensor.Kind.INDUCTIVE ? Sensor.inductive(n, o, c, at) : Sensor.photoelectric(n, o, c, at);
        } else if (value("watches") != null) {
            PickAndPlace cell = ref("watches", PickAndPlace.class, "pick_and_place", "픽앤플레이스");
            if (cell == null) {
                return;
            }
            s = Sensor.atPick(n, k, o, cell);
        } else {
            SensorTarget target = add(new SensorTarget(n + "_TARGET"));
            operable(n, target);
            s = new Sensor(n, k, o, target);
        }
        add(s);
        sensors.put(n, s.head());
        if (!spec.standardPanel()) {
            b.place(s.head());
        }
    }

    // --- the I/O map ------------------------------------------------------------------------

    private void wire(@Nullable Panel panel, LabSpec.Io io) {
        Address a = Address.parse(io.address());
        String device = io.device().toUpperCase(Locale.ROOT);
        String name = io.name().toUpperCase(Locale.ROOT);
        if (panel == null) {
            if (a.area() != Address.Area.IX) {
                throw new IllegalArgumentException("on a bare board only digital inputs (%IX) can be mapped, not " + a);
            }
            String[] t = device.split("\\.");
            DcInputModule m = t.length == 2 ? inputModules.get(t[0]) : null;
            if (m == null || !t[1].startsWith("X")) {
                throw new IllegalArgumentException("on a bare board 'device' is an input terminal such as IN.X0, not " + device);
            }
            int point;
            try {
                point = Integer.parseInt(t[1].substring(1));
            } catch (NumberFormatException e) {
                point = -1;
            }
            if (point < 0 || point >= m.points()) {
                // checked here: the module would only find out at the first scan, by an index out of bounds
                throw new IllegalArgumentException(t[0] + " has the inputs X0 to X" + (m.points() - 1) + ", not " + t[1]);
            }
            int input = point;
            b.input(name, io.address(), () -> m.lit(input), io.ko(), io.en());
            return;
        }
        switch (a.area()) {
            case IX -> {
                if (contacts.containsKey(device)) {
                    panel.contact(contacts.get(device), name, io.address(), io.ko(), io.en());
                    if (!device.equals(name) && equipment.get(device) instanceof Operable o) {
                        operable(name, o);
                    }
                } else if (sensors.containsKey(device)) {
                    panel.sensorHead(sensors.get(device), name, io.address(), io.ko(), io.en());
                } else {
                    throw new IllegalArgumentException(io.address() + " " + name + ": '" + device
                            + "' is no contact or sensor declared in equipment (they are "
                            + String.join(", ", concat(contacts.keySet(), sensors.keySet())) + ")");
                }
            }
            case QX -> {
                Load l = loads.get(device);
                if (l == null) {
                    throw new IllegalArgumentException(io.address() + " " + name + ": '" + device
                            + "' is no coil, lamp or motor declared in equipment (they are " + String.join(", ", loads.keySet()) + ")");
                }
                panel.load(l, name, io.address(), io.ko(), io.en());
            }
            case IW -> {
                AnalogInput ai = analogInputs.get(device);
                if (ai == null) {
                    throw new IllegalArgumentException(io.address() + " " + name + ": '" + device
                            + "' is no analog_input declared in equipment (they are " + String.join(", ", analogInputs.keySet()) + ")");
                }
                panel.analogChannel(ai, name, io.address(), io.ko(), io.en());
            }
            case QW -> {
                ServoAxis axis = drives.get(device);
                if (axis == null) {
                    throw new IllegalArgumentException(io.address() + " " + name + ": '" + device
                            + "' is no servo_axis declared in equipment (they are " + String.join(", ", drives.keySet()) + ")");
                }
                panel.analogOutput(name, io.address(), axis::command, io.ko(), io.en());
            }
        }
    }

    private static List<String> concat(java.util.Collection<String> a, java.util.Collection<String> b) {
        java.util.List<String> out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
