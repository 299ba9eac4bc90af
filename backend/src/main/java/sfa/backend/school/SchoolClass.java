package sfa.backend.school;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A class of a school (반): a department's grade in one term, with its students by user name. Schools
 * add their own classes; none are shipped, as we do not know them.
 */
@Document("classes")
public record SchoolClass(@Id String id, String school, String department, int grade, String name, String term,
        List<String> students, String createdBy) {

    public SchoolClass {
        students = List.copyOf(students);
    }
}
