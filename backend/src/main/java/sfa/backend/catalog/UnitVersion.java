package sfa.backend.catalog;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A version of a unit that a school's teacher made: its files (unit.yaml, quiz.yaml, lessons…) as text.
 * A draft changes; once published it never does. The shipped courseware is each unit's version 1 and
 * lives in the checkout, not here.
 *
 * @param files the text of each file by {@link UnitFiles#key key} (a path with its dots escaped, as
 *        MongoDB field names may not hold them)
 */
@Document("unit_versions")
public record UnitVersion(@Id String id, String school, String unit, int version, Status status,
        Map<String, String> files, String createdBy, Instant createdAt, @Nullable Instant publishedAt) {

    public enum Status { DRAFT, PUBLISHED }

    static String id(String school, String unit, int version) {
        return school + "/" + unit + "/" + version;
    }
}
