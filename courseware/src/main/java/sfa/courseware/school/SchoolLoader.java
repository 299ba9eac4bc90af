package sfa.courseware.school;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import sfa.courseware.Text;
import sfa.courseware.Unit;
import sfa.lab.scenario.SpecNode;

/** Reads a {@code school.yaml} and checks its curriculum against the units that exist. */
public final class SchoolLoader {

    private SchoolLoader() {
    }


    public static @Nullable School load(SpecNode n, String folder, Map<String, Unit> units) {
        n.allowOnly("a school", "id", "name", "city", "focus", "departments", "curriculum");
        String id = n.string("id");
        if (!id.equals(folder)) {
            n.problem("the school id '" + id + "' must be its folder's name '" + folder + "'",
                    "학교 id '" + id + "'은(는) 폴더 이름 '" + folder + "'과 같아야 합니다");
        }
        List<School.Department> departments = new ArrayList<>();
        Set<String> deptIds = new HashSet<>();
        SpecNode ds = n.required("departments");
        if (ds != null) {
            for (SpecNode d : ds.items()) {
                d.allowOnly("a department", "id", "name", "classes");
                String did = d.string("id");
                if (!deptIds.add(did)) {
                    d.problem("department id '" + did + "' is used twice", "학과 id '" + did + "'이(가) 두 번 쓰였습니다");
                }
                List<School.SchoolClass> classes = new ArrayList<>();
                SpecNode cs = d.optional("classes");
                if (cs != null) {
                    for (SpecNode c : cs.items()) {
                        c.allowOnly("a class", "id", "grade", "name");
                        classes.add(new School.SchoolClass(c.string("id"), (int) c.number("grade", 1, 3), Text.of(c, "name")));
                    }
                }
                departments.add(new School.Department(did, Text.of(d, "name"), classes));
            }
        }
        List<School.CurriculumEntry> curriculum = new ArrayList<>();
        SpecNode cur = n.required("curriculum");
        if (cur != null) {
            for (SpecNode e : cur.items()) {
                e.allowOnly("a curriculum entry", "department", "grade", "units");
                String dept = e.string("department");
                if (!deptIds.contains(dept)) {
                    e.problem("unknown department '" + dept + "'; the school has " + deptIds,
                            "알 수 없는 학과 '" + dept + "'");
                }
                int grade = (int) e.number("grade", 1, 3);
                List<School.PlannedUnit> planned = new ArrayList<>();
                SpecNode us = e.required("units");
                if (us != null) {
                    for (SpecNode u : us.items()) {
                        u.allowOnly("a planned unit", "unit", "version", "weeks");
                        String uid = u.string("unit");
                        int version = (int) u.number("version", 1, 10_000);
                        Unit unit = units.get(uid);
                        if (unit == null) {
                            u.problem("unknown unit id '" + uid + "'", "알 수 없는 단원 id '" + uid + "'");
                        } else if (unit.version() != version) {
                            u.problem("unit " + uid + " has no version " + version + " (its version is " + unit.version() + ")",
                                    "단원 " + uid + "에는 버전 " + version + "이(가) 없습니다 (현재 버전 " + unit.version() + ")");
                        } else if (!unit.grades().contains(grade)) {
                            u.problem("unit " + uid + " is written for grade " + unit.grades() + ", not " + grade,
                                    "단원 " + uid + "은(는) " + unit.grades() + "학년용입니다 (지금 " + grade + "학년)");
                        }
                        planned.add(new School.PlannedUnit(uid, version, u.string("weeks", "")));
                    }
                }
                curriculum.add(new School.CurriculumEntry(dept, grade, planned));
            }
        }
        return new School(id, Text.of(n, "name"), Text.of(n, "city"), Text.of(n, "focus"), departments, curriculum);
    }
}
