package sfa.lab.wiring;

/** The potential of a net as the solver sees it: tied to +24 V, tied to 0 V, or connected to neither. */
public enum Level {
    HIGH, LOW, FLOATING
}
