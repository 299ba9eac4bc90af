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

    /**
     * The grade as a JSON-ready tree, the same shape everywhere a grade is shown ({@code labsim grade
     * --json}, the OPC UA Grade method): lab, passed, score, seeds, objectives with ko/en messages,
     * wiring findings and the PLC fault.
     */
    public java.util.Map<String, Object> toMap() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("lab", lab);
        m.put("passed", passed);
        m.put("score", score);
        m.put("seeds", seeds);
        List<Object> out = new java.util.ArrayList<>();
        for (Verdict v : objectives) {
            java.util.Map<String, Object> ob = new java.util.LinkedHashMap<>();
            ob.put("id", v.id());
            ob.put("passed", v.passed());
            ob.put("message", java.util.Map.of("ko", v.ko(), "en", v.en()));
            ob.put("at_ms", v.atMillis() < 0 ? null : v.atMillis());
            ob.put("seed", v.seed());
            out.add(ob);
        }
        m.put("objectives", out);
        List<Object> findings = new java.util.ArrayList<>();
        for (Finding f : wiring) {
            findings.add(java.util.Map.of("code", f.code(), "net", f.net().label(), "terminals",
                    f.net().terminals().stream().map(Object::toString).toList(), "ko", f.ko(), "en", f.en()));
        }
        m.put("wiring", findings);
        m.put("fault", faultEn == null ? null : java.util.Map.of("ko", faultKo, "en", faultEn));
        return m;
    }
}
