package sfa.backend.lab;

import java.time.Instant;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One graded attempt at a lab: the program and wiring the student submitted, the verdict (the same JSON
 * as {@code labsim grade --json}) and the trace of the first seed's run (CSV, gzip) for the timing
 * diagram and the teacher's replay.
 */
@Document("lab_attempts")
public record LabAttempt(@Id String id, String school, String username, String unit, int version, String lab,
        Instant at, boolean passed, int score, Map<String, Object> grade, String program, String wiring,
        byte[] traceGzip) {
}
