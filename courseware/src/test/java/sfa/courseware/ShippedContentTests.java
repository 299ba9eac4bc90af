package sfa.courseware;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import sfa.courseware.quiz.QuizItem;
import sfa.lab.scenario.Catalog;
import sfa.lab.scenario.Problem;

/** The units and schools this repository ships: what a school gets when it installs the platform. */
class ShippedContentTests {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static Courseware.Result shipped() {
        return Courseware.load(ROOT, Catalog.fromDirectory(ROOT.resolve("courseware/labs")));
    }

    @Test
    void everyShippedUnitAndSchoolValidates() {
        Courseware.Result r = shipped();

        assertThat(r.problems()).extracting(Problem::format).isEmpty();
        assertThat(r.units()).hasSizeGreaterThanOrEqualTo(16);
        assertThat(r.schools()).extracting(s -> s.id())
                .containsExactlyInAnyOrder("jeonbuk-mechanical", "busan-mechanical", "gumi-electronic");
    }

    @Test
    void everyUnitHasTwoLessonsAndAQuizOfEightItemsAndEveryTrackIsCovered() {
        Courseware.Result r = shipped();
        Set<Track> tracks = EnumSet.noneOf(Track.class);
        Set<Class<?>> itemTypes = new HashSet<>();
        for (Unit u : r.units().values()) {
            tracks.add(u.track());
            assertThat(u.lessons()).as(u.id() + " lessons").hasSizeGreaterThanOrEqualTo(2);
            assertThat(u.quiz()).as(u.id() + " quiz").isNotNull();
            assertThat(u.quiz().items()).as(u.id() + " quiz items").hasSizeGreaterThanOrEqualTo(8);
            u.quiz().items().forEach(i -> itemTypes.add(i.getClass()));
        }
        assertThat(tracks).containsExactlyInAnyOrder(Track.values());
        assertThat(itemTypes).as("all six item types are used").hasSize(QuizItem.class.getPermittedSubclasses().length);
    }
}
