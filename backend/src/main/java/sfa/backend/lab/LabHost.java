package sfa.backend.lab;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import sfa.lab.plant.Command;
import sfa.lab.scenario.Grade;
import sfa.lab.session.Credentials;
import sfa.lab.session.LabSession;

/**
 * Where live lab sessions run. The in-process host runs them in this JVM ({@link InProcessLabHost});
 * a cluster places them on simulator nodes behind the same interface. A session moves between hosts,
 * or across a restart, as a snapshot.
 */
public interface LabHost {

    /**
     * Opens a session, run by {@code program} (Structured Text) or, when null, by the student's OPC UA
     * client; with {@code sequence} false a free run without the lab's test sequence.
     */
    Opened open(String labId, @Nullable String program, boolean sequence);

    /**
     * Continues a session from a snapshot under its id, stopped; with no snapshot (lost before its first checkpoint)
     * it starts afresh, still under its id.
     */
    Opened resume(String id, String labId, @Nullable String program, byte @Nullable [] snapshot, boolean sequence);

    /** A running session of this host. */
    Optional<LabSession> session(String id);

    void command(String id, Action action);

    void operate(String id, Command.Action action, String device, double value);

    /** Forces an input of the session (null removes the force); see {@link LabSession#force}. */
    void force(String id, String input, @Nullable Integer value);

    Grade grade(String id);

    /** The session's state now, to be stored; the session keeps running. */
    byte[] snapshot(String id);

    /** A new OPC UA password for the session (the old one stops working). */
    Credentials.Issued renewLogin(String id);

    void close(String id);

    /** The OPC UA endpoint students' clients connect to, or null when this host serves none. */
    @Nullable String opcUaEndpoint();

    /** Called after a session ran scans (on the host's scheduler thread: be quick). */
    void afterScan(Consumer<LabSession> listener);

    /** Called with the id of every session that stops running on this host (closed, let go, suspended). */
    void onClose(Consumer<String> listener);

    List<String> ids();

    /** Whether the host's scheduler steps its sessions (false: every live lab on it stands still). */
    sfa.lab.session.LabSessions.Health schedulerHealth();

    enum Action { START, STOP, RESET }

    record Opened(LabSession session, Credentials.Issued login) {
    }
}
