package sfa.courseware.school;

import java.util.List;
import sfa.courseware.Text;

/** One school: its departments and classes, and its curriculum per department and grade. */
public record School(String id, Text name, Text city, Text focus, List<Department> departments,
        List<CurriculumEntry> curriculum) {

    public School {
        departments = List.copyOf(departments);
        curriculum = List.copyOf(curriculum);
    }

    public record Department(String id, Text name, List<SchoolClass> classes) {
        public Department {
            classes = List.copyOf(classes);
        }
    }

    public record SchoolClass(String id, int grade, Text name) {
    }

    /** The units a department's grade takes, in order, each pinned to a version, with recommended weeks. */
    public record CurriculumEntry(String department, int grade, List<PlannedUnit> units) {
        public CurriculumEntry {
            units = List.copyOf(units);
        }
    }

    public record PlannedUnit(String unit, int version, String weeks) {
    }
}
