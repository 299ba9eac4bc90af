package sfa.backend.lab;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A student's live lab session as the platform keeps it: whose it is, which lab, the program running it
 * (none when the student's own OPC UA client controls it), and, while it is suspended, the snapshot it
 * continues from. The running plant itself lives in a {@link LabHost}.
 *
 * @param snapshot the plant's state at its last checkpoint or suspension; null before the first
 * @param snapshotTimeMs the simulated time the snapshot holds at least (read just before it was taken): a session
 *        resumed after a crash continues from there or later; null before the first snapshot
 * @param node the node running the session ({@link LabNodes}); null while nobody runs it (suspended, or let go by a
 *        node for another to take it)
 * @param running whether the plant was running at the snapshot: a session that moves to another node runs on there
 */
@Document("live_labs")
public record LiveLab(@Id String id, String school, String username, String lab, @Nullable String program,
        State state, Instant openedAt, Instant lastActivity, byte @Nullable [] snapshot, @Nullable Boolean sequence,
        @Nullable Long snapshotTimeMs, @Nullable String node, @Nullable Boolean running) {

    /** Whether starting plays the lab's test sequence (records written before free runs existed have none: yes). */
    public boolean playsSequence() {
        return sequence == null || sequence;
    }

    public enum State { ACTIVE, SUSPENDED, CLOSED }
}
