package sfa.lab.sim;

/**
 * A part of a running plant whose mutable state goes into a snapshot. {@link #load} must restore
 * exactly what {@link #save} wrote, so that a resumed run continues bit for bit.
 */
public interface Stateful {

    /** A stable key, unique within its plant, under which the state is stored. */
    String stateKey();

    void save(StateWriter state);

    void load(StateReader state);
}
