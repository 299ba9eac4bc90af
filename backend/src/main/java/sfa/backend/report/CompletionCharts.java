package sfa.backend.report;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import sfa.backend.catalog.UnitCatalog;
import sfa.backend.content.Content;
import sfa.backend.report.CompletionReport.Tally;
import sfa.courseware.Text;
import sfa.courseware.Track;
import sfa.courseware.Unit;

/**
 * The figures of the completion charts, from the same rows as the report (so they add up to its
 * tallies): completed units week by week over the term, and the share completed per unit and per track.
 * Weeks start on Monday, Korea time, and run from the first completion's week to this week.
 */
@Service
public class CompletionCharts {

    static final ZoneId KOREA = ZoneId.of("Asia/Seoul");

    private final CompletionReport report;
    private final UnitCatalog catalog;
    private final Content content;

    CompletionCharts(CompletionReport report, UnitCatalog catalog, Content content) {
        this.report = report;
        this.catalog = catalog;
        this.content = content;
    }

    /** One week: the units completed in it, and all completed until its end. */
    public record Week(LocalDate from, int completed, int cumulative) {
    }

    /** One unit the school's classes are expected to do, with its title and track (lower case, as in unit.yaml). */
    public record UnitRate(String unit, Text title, String track, Text trackName, Tally tally) {
    }

    /** One of the programme's four tracks; {@code tally.expected} is 0 when no class is expected to do any of its units. */
    public record TrackRate(String track, Text name, Tally tally) {
    }

    /** A school's charts: over time, per unit (by track, then unit), per track (all four, in the programme's order). */
    public record SchoolCharts(String school, Text name, List<Week> weeks, List<UnitRate> units, List<TrackRate> tracks) {
    }

    /** The charts of one school. */
    public SchoolCharts of(String school) {
        List<CompletionRow> rows = report.rows(school);
        return of(school, rows, firstWeek(rows), lastWeek(rows));
    }

    /** The charts of every school, their weeks on one axis (from the first completion in any school). */
    public List<SchoolCharts> programme() {
        Map<String, List<CompletionRow>> bySchool = new LinkedHashMap<>();
        report.schools().forEach(s -> bySchool.put(s, report.rows(s)));
        List<CompletionRow> all = bySchool.values().stream().flatMap(List::stream).toList();
        LocalDate first = firstWeek(all);
        LocalDate last = lastWeek(all);
        return bySchool.entrySet().stream().map(e -> of(e.getKey(), e.getValue(), first, last)).toList();
    }

    private SchoolCharts of(String school, List<CompletionRow> rows, @Nullable LocalDate first, LocalDate last) {
        Map<String, Unit> units = new TreeMap<>();
        rows.stream().map(CompletionRow::unit).distinct()
                .forEach(u -> units.put(u, catalog.latest(school, u).unit()));
        List<UnitRate> perUnit = rows.stream()
                .collect(Collectors.groupingBy(CompletionRow::unit, TreeMap::new, Collectors.toList()))
                .entrySet().stream()
                .map(e -> {
                    Unit u = units.get(e.getKey());
                    return new UnitRate(e.getKey(), u.title(), track(u.track()), u.track().label(), Tally.of(e.getValue()));
                })
                .sorted(Comparator.comparing((UnitRate r) -> units.get(r.unit()).track()).thenComparing(UnitRate::unit))
                .toList();
        List<TrackRate> perTrack = new ArrayList<>();
        for (Track t : Track.values()) {
            List<CompletionRow> tr = rows.stream().filter(r -> units.get(r.unit()).track() == t).toList();
            perTrack.add(new TrackRate(track(t), t.label(), Tally.of(tr)));
        }
        return new SchoolCharts(school, content.school(school).orElseThrow().name(), weeks(rows, first, last), perUnit, perTrack);
    }

    /** The weeks from {@code first} to {@code last}, none when nothing was completed yet ({@code first} null). */
    static List<Week> weeks(List<CompletionRow> rows, @Nullable LocalDate first, LocalDate last) {
        if (first == null) {
            return List.of();
        }
        Map<LocalDate, Long> done = completions(rows).collect(Collectors.groupingBy(CompletionCharts::monday,
                Collectors.counting()));
        List<Week> weeks = new ArrayList<>();
        int cumulative = 0;
        for (LocalDate w = first; !w.isAfter(last); w = w.plusWeeks(1)) {
            int n = done.getOrDefault(w, 0L).intValue();
            cumulative += n;
            weeks.add(new Week(w, n, cumulative));
        }
        return weeks;
    }

    static @Nullable LocalDate firstWeek(List<CompletionRow> rows) {
        return completions(rows).min(Comparator.naturalOrder()).map(CompletionCharts::monday).orElse(null);
    }

    /** This week, or the last completion's if a clock ahead of ours recorded a later one. */
    static LocalDate lastWeek(List<CompletionRow> rows) {
        LocalDate now = monday(Instant.now());
        return completions(rows).max(Comparator.naturalOrder()).map(CompletionCharts::monday)
                .filter(l -> l.isAfter(now)).orElse(now);
    }

    private static java.util.stream.Stream<Instant> completions(List<CompletionRow> rows) {
        return rows.stream().filter(CompletionRow::completed).map(CompletionRow::completedAt).filter(Objects::nonNull);
    }

    static LocalDate monday(Instant at) {
        return LocalDate.ofInstant(at, KOREA).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static String track(Track t) {
        return t.name().toLowerCase(java.util.Locale.ROOT);
    }
}
