package sfa.lab.scenario;

import java.util.List;
import sfa.lab.wiring.Finding;

/**
 * The result of grading one program (or wiring) on one lab: every objective's verdict under every
 * seed, the score (the weighted share of objectives passed, 0–100), and what the wiring diagnosis
 * found on the student's board.
 *
 * @param faultEn a PLC fault that stopped the program during the run, or null
 */
public record Grade(String lab, boolean passed, int score, List<Verdict> objectives, List<Long> seeds,
        List<Finding> wiring, @org.jspecify.annotations.Nullable String faultEn,
        @org.jspecify.annotations.Nullable String faultKo) {

    public Grade {
        objectives = List.copyOf(objectives);
        seeds = List.copyOf(seeds);
        wiring = List.copyOf(wiring);
    }
}
