package sfa.lab.plant;

import java.util.function.IntConsumer;
import sfa.lab.equipment.AnalogInput;
import sfa.lab.plc.Address;
import sfa.lab.wiring.Contact;
import sfa.lab.wiring.DcInputModule;
import sfa.lab.wiring.Load;
import sfa.lab.wiring.OutputModule;
import sfa.lab.wiring.Supply;

/**
 * The pre-wired control panel of a lab: a 24 V supply {@code PSU}, an 8-point DC input module
 * {@code IN} with COM on 0 V (source wiring, for PNP sensors and contacts fed from +24 V) and an
 * 8-point transistor output module {@code OUT} (source type, P on +24 V). Each device is wired as
 * an electrician would: contacts and sensors from +24 V to their input, loads from their output
 * to 0 V. Every wire is a real wire on the board, so the net solver runs for every lab.
 */
public final class Panel {

    private final PlantBuilder b;
    private final DcInputModule in;
    private final OutputModule out;

    private Panel(PlantBuilder b) {
        this.b = b;
        b.place(new Supply("PSU"));
        this.in = b.place(new DcInputModule("IN", 8));
        this.out = b.place(new OutputModule("OUT", OutputModule.Kind.TRANSISTOR_SOURCE, 8));
        b.board().wire("IN.COM", "PSU.0V");
        b.board().wire("OUT.P", "PSU.+24V");
    }

    public static Panel standard(PlantBuilder builder) {
        return new Panel(builder);
    }

    /** A contact (button, E-stop, reed or vacuum switch) from +24 V to input {@code address}, named {@code signal}. */
    public void contact(Contact contact, String signal, String address, String ko, String en) {
        String n = contact.name();
        if (!b.board().components().contains(contact)) {
            b.place(contact);
        }
        b.board().wire("PSU.+24V", n + "." + contact.pins().get(0));
        input(signal, address, n + "." + contact.pins().get(1), ko, en);
    }

    /** An already created 3-wire sensor head on input {@code address}: brown to +24 V, blue to 0 V, black to the input. */
    public void sensorHead(sfa.lab.wiring.ThreeWireSensor head, String signal, String address, String ko, String en) {
        String n = head.name();
        if (!b.board().components().contains(head)) {
            b.place(head);
        }
        b.board().wire("PSU.+24V", n + ".BN");
        b.board().wire("PSU.0V", n + ".BU");
        input(signal, address, n + ".BK", ko, en);
    }

    /** A load on output {@code address}, named {@code signal}. */
    public void load(Load load, String signal, String address, String ko, String en) {
        String n = load.name();
        if (!b.board().components().contains(load)) {
            b.place(load);
        }
        Address a = Address.parse(address);
        requireFirstByte(a);
        int point = a.index();
        b.board().wire("OUT.Y" + point, n + "." + load.kind().pinA());
        b.board().wire(n + "." + load.kind().pinB(), "PSU.0V");
        b.output(signal, address, on -> out.set(point, on), ko, en);
    }

    /** A 4–20 mA channel already added as equipment, on analog input word {@code address}, named {@code signal}. */
    public void analogChannel(AnalogInput channel, String signal, String address, String ko, String en) {
        b.inputWord(signal, address, channel::raw, ko, en);
    }

    /** An analog output word driving {@code sink} (a drive's velocity command). */
    public void analogOutput(String name, String address, IntConsumer sink, String ko, String en) {
        b.outputWord(name, address, sink, ko, en);
    }

    private void input(String name, String address, String terminal, String ko, String en) {
        Address a = Address.parse(address);
        requireFirstByte(a);
        int point = a.index();
        b.board().wire(terminal, "IN.X" + point);
        b.input(name, address, () -> in.lit(point), ko, en);
    }

    private static void requireFirstByte(Address a) {
        if (a.index() >= 8) {
            throw new IllegalArgumentException("the standard panel has 8 points each way; " + a + " is beyond them");
        }
    }
}
