/**
 * The simulation core's clock, seeded randomness and snapshot state: time is an integer tick of a
 * fixed step, never the wall clock, so the same seed and inputs give the same trace bit for bit.
 */
@NullMarked
package sfa.lab.sim;

import org.jspecify.annotations.NullMarked;
