package sfa.lab.plc;

import sfa.lab.sim.StateReader;
import sfa.lab.sim.StateWriter;

/**
 * Where the soft PLC's logic comes from. Each scan the {@link ScanCycle} copies the inputs into the
 * image, calls {@link #scan}, then copies the outputs out. Implementations: {@link ManualSource}
 * (outputs forced by hand, as from an HMI), {@link JavaProgram} (a Java lambda, for tests), a compiled
 * Structured Text program ({@code sfa.lab.st.StProgram}) and {@link ExternalSource} (the student's own
 * OPC UA client writes the outputs).
 */
public interface ProgramSource {

    /** A short name for traces and status ("manual", "java", "st", "external"). */
    String kind();

    /**
     * Runs one scan over the image.
     *
     * @throws PlcFault when the program faults; the PLC then goes to STOP with its outputs off
     */
    void scan(IoImage io, ScanContext context);

    /** Back to the state after download (a cold restart); retained state aside, as the source defines. */
    default void reset() {
    }

    /** Saves whatever the program keeps between scans, for a snapshot. */
    default void save(StateWriter state) {
    }

    default void load(StateReader state) {
    }
}
