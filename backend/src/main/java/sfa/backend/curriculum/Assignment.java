package sfa.backend.curriculum;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A unit a teacher set for a class, with its due date. One per class and unit. */
@Document("assignments")
public record Assignment(@Id String id, String school, String classId, String unit, LocalDate due, String assignedBy,
        Instant assignedAt) {

    static String id(String classId, String unit) {
        return classId + "|" + unit;
    }
}
