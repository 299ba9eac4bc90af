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
 * @param snapshot the plant's state when it was suspended (idle, or its node stopped); null while active
 */
@Document("live_labs")
public record LiveLab(@Id String id, String school, String username, String lab, @Nullable String program,
        State state, Instant openedAt, Instant lastActivity, byte @Nullable [] snapshot, @Nullable Boolean sequence) {

    /** Whether starting plays the lab's test sequence (records written before free runs existed have none: yes). */
    public boolean playsSequence() {
        return sequence == null || sequence;
    }

    public enum State { ACTIVE, SUSPENDED, CLOSED }
}
