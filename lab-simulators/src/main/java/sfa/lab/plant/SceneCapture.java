package sfa.lab.plant;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import sfa.lab.equipment.Bin;
import sfa.lab.equipment.Conveyor;
import sfa.lab.equipment.Cylinder;
import sfa.lab.equipment.Dial;
import sfa.lab.equipment.Diverter;
import sfa.lab.equipment.EmergencyStop;
import sfa.lab.equipment.Equipment;
import sfa.lab.equipment.Lamp;
import sfa.lab.equipment.Material;
import sfa.lab.equipment.Operable;
import sfa.lab.equipment.PickAndPlace;
import sfa.lab.equipment.PushButton;
import sfa.lab.equipment.Sensor;
import sfa.lab.equipment.ServoAxis;
import sfa.lab.equipment.Tank;
import sfa.lab.plant.Scene.AxisView;
import sfa.lab.plant.Scene.BeltView;
import sfa.lab.plant.Scene.BinView;
import sfa.lab.plant.Scene.ButtonView;
import sfa.lab.plant.Scene.CellView;
import sfa.lab.plant.Scene.CylinderView;
import sfa.lab.plant.Scene.DialView;
import sfa.lab.plant.Scene.LampView;
import sfa.lab.plant.Scene.PartView;
import sfa.lab.plant.Scene.SensorView;
import sfa.lab.plant.Scene.TankView;

/**
 * Draws {@link Scene}s of one plant. What does not change while the plant runs (which equipment
 * there is, where pushers, bins and lamps are and what they are called) is worked out once, here;
 * each {@link #capture} then only reads the equipment's state into the small records.
 */
final class SceneCapture {

    /** Where a cylinder or bin is mounted, as the equipment that uses it says. */
    private record Mount(String on, String how, double x) {
        static final Mount NONE = new Mount("", "", 0.0);
    }

    private record Placed<E>(E piece, Mount mount) {
    }

    private record Named<E>(E piece, String label) {
    }

    private static final List<String> COLOURS = List.of("red", "yellow", "green", "blue", "white", "amber");

    private final String labId;
    private final List<Conveyor> conveyors = new ArrayList<>();
    private final List<Sensor> sensors = new ArrayList<>();
    private final List<Placed<Cylinder>> cylinders = new ArrayList<>();
    private final List<Tank> tanks = new ArrayList<>();
    private final List<Named<Lamp>> lamps = new ArrayList<>();
    private final List<Placed<Bin>> bins = new ArrayList<>();
    private final List<ServoAxis> axes = new ArrayList<>();
    private final List<PickAndPlace> cells = new ArrayList<>();
    private final List<Equipment> buttons = new ArrayList<>();
    private final List<Named<Dial>> dials = new ArrayList<>();

    SceneCapture(String labId, Equipment[] equipment, Map<String, Operable> operables, List<IoPoint> ioMap) {
        this.labId = labId;
        Map<Equipment, Mount> mounts = mounts(equipment);
        for (Equipment e : equipment) {
            Mount m = mounts.getOrDefault(e, Mount.NONE);
            switch (e) {
                case Conveyor c -> conveyors.add(c);
                case Sensor s -> sensors.add(s);
                case Cylinder c -> cylinders.add(new Placed<>(c, m));
                case Tank t -> tanks.add(t);
                case Lamp l -> lamps.add(new Named<>(l, colour(l.name(), ioMap)));
                case Bin b -> bins.add(new Placed<>(b, m));
                case ServoAxis a -> axes.add(a);
                case PickAndPlace p -> cells.add(p);
                case PushButton b -> buttons.add(b);
                case EmergencyStop s -> buttons.add(s);
                case Dial d -> dials.add(new Named<>(d, operatedAs(d, operables)));
                default -> {
                }
            }
        }
    }

    /** Pushers and bins at their belts, a cell's axes in their cell. */
    private static Map<Equipment, Mount> mounts(Equipment[] equipment) {
        Map<Equipment, Mount> mounts = new IdentityHashMap<>();
        for (Equipment e : equipment) {
            switch (e) {
                case Conveyor c -> mounts.put(c.endBin(), new Mount(c.name(), "end", c.length()));
                case Diverter d -> {
                    mounts.put(d.pusher(), new Mount(d.conveyor().name(), "across", d.lineX()));
                    mounts.put(d.bin(), new Mount(d.conveyor().name(), "side", d.lineX()));
                }
                case PickAndPlace p -> {
                    mounts.put(p.x(), new Mount(p.name(), "horizontal", 0.0));
                    mounts.put(p.z(), new Mount(p.name(), "down", 0.0));
                }
                default -> {
                }
            }
        }
        return mounts;
    }

    /** The lamp's colour from its I/O point's description ("green lamp") or its own name (RED). */
    private static String colour(String lamp, List<IoPoint> ioMap) {
        for (IoPoint p : ioMap) {
            if (p.name().equalsIgnoreCase(lamp)) {
                String c = colourWord(p.deviceEn());
                if (!c.isEmpty()) {
                    return c;
                }
            }
        }
        return colourWord(lamp);
    }

    private static String colourWord(String text) {
        for (String word : text.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
            if (COLOURS.contains(word)) {
                return word;
            }
        }
        return "";
    }

    private static String operatedAs(Dial dial, Map<String, Operable> operables) {
        for (Map.Entry<String, Operable> o : operables.entrySet()) {
            if (o.getValue() == dial) {
                return o.getKey();
            }
        }
        return dial.name();
    }

    Scene capture(long timeMs) {
        List<PartView> parts = new ArrayList<>();
        List<BeltView> belts = new ArrayList<>(conveyors.size());
        for (Conveyor c : conveyors) {
            belts.add(new BeltView(c.name(), c.length(), c.speed(), c.running(), c.travel()));
            c.forEachPart(p -> parts.add(new PartView(p.id(), p.material().label(), Scene.ON_BELT, c.name(), p.front(),
                    p.size())));
        }
        List<BinView> binViews = new ArrayList<>(bins.size());
        for (Placed<Bin> placed : bins) {
            Bin b = placed.piece();
            Mount m = placed.mount();
            binViews.add(new BinView(b.name(), m.on(), m.how(), m.x(), b.count(Material.METAL), b.count(Material.PLASTIC),
                    b.lastPartId()));
            Material last = b.lastMaterial();
            if (last != null) {
                parts.add(new PartView(b.lastPartId(), last.label(), Scene.IN_BIN, b.name(), m.x(), b.lastSize()));
            }
        }
        List<CellView> cellViews = new ArrayList<>(cells.size());
        for (PickAndPlace p : cells) {
            cellViews.add(new CellView(p.name(), p.x().name(), p.z().name(), p.vacuum().powered(), p.holding(),
                    p.arrived(), p.placed(), p.lost()));
            cellParts(p, parts);
        }
        return new Scene(labId, timeMs, belts, parts, sensorViews(), cylinderViews(), tankViews(), lampViews(), binViews,
                axisViews(), cellViews, buttonViews(), dialViews());
    }

    /**
     * A cell's parts are numbered by arrival: the one waiting at pick is the latest arrival, a held
     * one that has left pick the one before it if another has arrived since.
     */
    private static void cellParts(PickAndPlace p, List<PartView> parts) {
        int arrived = (int) p.arrived();
        boolean atPick = p.partAtPick();
        if (p.holding()) {
            boolean left = p.lifted();
            parts.add(new PartView(left && atPick ? arrived - 1 : arrived, "", Scene.IN_GRIPPER, p.name(), 0.0, 0.0));
            atPick = atPick && left;
        }
        if (atPick) {
            parts.add(new PartView(arrived, "", Scene.AT_PICK, p.name(), 0.0, 0.0));
        }
    }

    private List<SensorView> sensorViews() {
        List<SensorView> views = new ArrayList<>(sensors.size() + 2 * cylinders.size() + cells.size());
        for (Sensor s : sensors) {
            views.add(new SensorView(s.name(), s.kind().name().toLowerCase(Locale.ROOT), s.mount(), s.at(),
                    s.targetPresent(), s.head().outputOn()));
        }
        for (Placed<Cylinder> placed : cylinders) {
            Cylinder c = placed.piece();
            views.add(new SensorView(c.homeSwitch().name(), "reed", c.name(), 0.0, c.stroke() <= 0.0,
                    c.homeSwitch().closed()));
            views.add(new SensorView(c.outSwitch().name(), "reed", c.name(), 1.0, c.stroke() >= 1.0,
                    c.outSwitch().closed()));
        }
        for (PickAndPlace p : cells) {
            views.add(new SensorView(p.vacuumSwitch().name(), "vacuum", p.name(), 0.0, p.holding(),
                    p.vacuumSwitch().closed()));
        }
        return views;
    }

    private List<CylinderView> cylinderViews() {
        List<CylinderView> views = new ArrayList<>(cylinders.size());
        for (Placed<Cylinder> placed : cylinders) {
            Cylinder c = placed.piece();
            Mount m = placed.mount();
            views.add(new CylinderView(c.name(), c.acting().name().toLowerCase(Locale.ROOT), c.stroke(), c.extending(),
                    c.extendSeconds(), c.retractSeconds(), c.jammed(), m.on(), m.how(), m.x()));
        }
        return views;
    }

    private List<TankView> tankViews() {
        List<TankView> views = new ArrayList<>(tanks.size());
        for (Tank t : tanks) {
            views.add(new TankView(t.name(), t.height(), t.level(), t.pump().powered(), t.drain().powered(), t.consumer()));
        }
        return views;
    }

    private List<LampView> lampViews() {
        List<LampView> views = new ArrayList<>(lamps.size());
        for (Named<Lamp> l : lamps) {
            views.add(new LampView(l.piece().name(), l.label(), l.piece().lit()));
        }
        return views;
    }

    private List<AxisView> axisViews() {
        List<AxisView> views = new ArrayList<>(axes.size());
        for (ServoAxis a : axes) {
            views.add(new AxisView(a.name(), a.position() / 1000.0, 0.0, a.lengthMm() / 1000.0, a.speed() / 1000.0,
                    a.enable().powered()));
        }
        return views;
    }

    private List<ButtonView> buttonViews() {
        List<ButtonView> views = new ArrayList<>(buttons.size());
        for (Equipment e : buttons) {
            views.add(switch (e) {
                case PushButton b -> new ButtonView(b.name(), b.normallyOpen() ? "NO" : "NC", b.pressed());
                case EmergencyStop s -> new ButtonView(s.name(), "estop", s.latched());
                default -> throw new IllegalStateException("not a button: " + e.stateKey());
            });
        }
        return views;
    }

    private List<DialView> dialViews() {
        List<DialView> views = new ArrayList<>(dials.size());
        for (Named<Dial> d : dials) {
            views.add(new DialView(d.piece().name(), d.label(), d.piece().value(), d.piece().min(), d.piece().max()));
        }
        return views;
    }
}
