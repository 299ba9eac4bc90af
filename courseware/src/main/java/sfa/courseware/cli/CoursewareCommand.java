package sfa.courseware.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import sfa.courseware.Courseware;
import sfa.lab.scenario.Catalog;
import sfa.lab.scenario.Problem;

/**
 * {@code courseware validate [dir]}: checks every unit, quiz, lesson link and school of a checkout
 * (default: the current one) and prints every problem with its file and line. Exit 0 when all is
 * well, 1 when anything is wrong, 2 for a bad command.
 */
public final class CoursewareCommand {

    private CoursewareCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || !args[0].equals("validate") || args.length > 2) {
            err.println("usage: courseware validate [dir]   checks the units (courseware/units), their quizzes and lessons,");
            err.println("                                   and the schools (schools/) of a checkout");
            return 2;
        }
        Path root = Path.of(args.length == 2 ? args[1] : System.getProperty("sfa.root", ".")).toAbsolutePath().normalize();
        Path labsDir = root.resolve("courseware").resolve("labs");
        if (!Files.isDirectory(labsDir)) {
            err.println("courseware: error: " + root + " is not a checkout: it has no courseware/labs / 체크아웃 폴더가 아닙니다");
            return 2;
        }
        Catalog labs;
        try {
            labs = Catalog.fromDirectory(labsDir);
        } catch (Catalog.InvalidCatalogException e) {
            for (Problem p : e.problems()) {
                err.println(p.format());
                err.println("  " + p.ko());
            }
            return 1;
        }
        Courseware.Result r = Courseware.load(root, labs);
        for (Problem p : r.problems()) {
            out.println(p.format());
            out.println("  " + p.ko());
        }
        int items = r.units().values().stream().mapToInt(u -> u.quiz() == null ? 0 : u.quiz().items().size()).sum();
        int lessons = r.units().values().stream().mapToInt(u -> u.lessons().size()).sum();
        out.printf("%d units, %d lessons, %d quiz items, %d schools: %s%n", r.units().size(), lessons, items,
                r.schools().size(), r.ok() ? "valid / 이상 없음" : r.problems().size() + " problem(s) / 문제 " + r.problems().size() + "개");
        return r.ok() ? 0 : 1;
    }
}
