/**
 * The equipment of the labs, with geometry and timings as the lab catalogue gives them: push
 * buttons, the latching E-stop, lamps, the conveyor with its parts, feeder and bins, inductive and
 * photoelectric sensors, cylinders with solenoid valves and reed switches, the tank with pump,
 * drain and 4–20 mA level transmitter, the servo axis and the pick-and-place unit. Each piece is
 * electrically a {@link sfa.lab.wiring.Component} on the board and physically stepped by the plant.
 */
@NullMarked
package sfa.lab.equipment;

import org.jspecify.annotations.NullMarked;
