/**
 * The electrical model of a training board: components with terminals, wires joining terminals
 * into nets, a 24 V DC supply with its fuse, and a net solver that decides every step which input
 * sees current and which load is powered. Wrong wiring fails as on the bench and
 * {@link sfa.lab.wiring.WiringDiagnosis} names the faulty net in Korean and English.
 */
@NullMarked
package sfa.lab.wiring;

import org.jspecify.annotations.NullMarked;
