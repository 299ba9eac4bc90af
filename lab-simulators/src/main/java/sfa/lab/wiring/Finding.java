package sfa.lab.wiring;

/**
 * One thing wrong with a wiring, with the net it concerns and what to do, in Korean and English.
 *
 * @param code a stable identifier (for example {@code SENSOR_REVERSED}), for grading and tests
 * @param net the faulty net, named by its terminals
 */
public record Finding(String code, Net net, String ko, String en) {
}
