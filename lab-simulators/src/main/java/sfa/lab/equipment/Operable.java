package sfa.lab.equipment;

/**
 * Something an operator (or a test sequence) acts on by name: a push button is pressed and
 * released, an E-stop latched and released, a target put in front of a sensor, a dial turned.
 */
public interface Operable {

    /** The name used in commands such as {@code --press START@1.0}. */
    String name();

    void press();

    void release();

    /** Turns a dial or sets a value; only for devices with a value. */
    default void set(double value) {
        throw new UnsupportedOperationException(name() + " takes no value: press or release it");
    }

    /** True for devices that take a value (dials), false for buttons. */
    default boolean takesValue() {
        return false;
    }
}
