package sfa.lab.plant;

import sfa.lab.plc.IoImage;
import sfa.lab.plc.ProgramSource;
import sfa.lab.plc.ScanContext;
import sfa.lab.sim.StateReader;
import sfa.lab.sim.StateWriter;

/**
 * A correct controller for {@code sorting-metal}, written in Java as a test fixture and benchmark
 * load: START/STOP self-hold on the belt; a metal part seen by the inductive sensor is pushed when
 * it reaches the photo sensor; the pusher goes out only from home and back once it is out.
 */
public final class SortingController implements ProgramSource {

    // %IX0.0 START, 0.1 STOP, 0.2 METAL, 0.3 AT_PUSHER, 0.4 CYL_HOME, 0.5 CYL_OUT
    // %QX0.0 CONVEYOR, 0.1 PUSHER, 0.2 LAMP_RUN
    private boolean running;
    private boolean metalPending;
    private boolean pushing;
    private boolean lastMetal;
    private boolean lastAtPusher;

    @Override
    public String kind() {
        return "java";
    }

    @Override
    public void scan(IoImage io, ScanContext context) {
        boolean start = io.input(0);
        boolean stop = io.input(1);
        boolean metal = io.input(2);
        boolean atPusher = io.input(3);
        boolean home = io.input(4);
        boolean out = io.input(5);
        running = (start || running) && stop;
        if (metal && !lastMetal) {
            metalPending = true;
        }
        if (atPusher && !lastAtPusher && metalPending && home) {
            pushing = true;
            metalPending = false;
        }
        if (pushing && out) {
            pushing = false;
        }
        lastMetal = metal;
        lastAtPusher = atPusher;
        io.setOutput(0, running);
        io.setOutput(1, pushing);
        io.setOutput(2, running);
    }

    @Override
    public void save(StateWriter state) {
        state.put("running", running).put("metalPending", metalPending).put("pushing", pushing)
                .put("lastMetal", lastMetal).put("lastAtPusher", lastAtPusher);
    }

    @Override
    public void load(StateReader state) {
        running = state.getBoolean("running");
        metalPending = state.getBoolean("metalPending");
        pushing = state.getBoolean("pushing");
        lastMetal = state.getBoolean("lastMetal");
        lastAtPusher = state.getBoolean("lastAtPusher");
    }
}
