/**
 * JMH benchmarks of the lab engine: steps per second of whole plants, single thread.
 * Run them as docs/benchmarks.md says; figures are recorded there, never asserted in tests.
 */
@NullMarked
package sfa.benchmarks;

import org.jspecify.annotations.NullMarked;
