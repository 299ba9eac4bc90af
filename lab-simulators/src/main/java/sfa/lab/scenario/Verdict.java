package sfa.lab.scenario;

/**
 * The outcome of one objective: passed or not, a message in Korean and English that says what was
 * expected and, on failure, what happened when, and the moment of the counterexample (-1 if none).
 *
 * @param seed the seed of the run that decided the verdict (the first failing one, or the last run)
 */
public record Verdict(String id, boolean passed, String ko, String en, long atMillis, long seed) {
}
