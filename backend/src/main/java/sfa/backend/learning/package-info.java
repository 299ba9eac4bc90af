/**
 * Students' learning: enrollment in a unit at a pinned version, lessons read, quiz attempts graded on
 * the server, lab attempts graded by the lab engine, completion by the unit's rule.
 */
@NullMarked
package sfa.backend.learning;

import org.jspecify.annotations.NullMarked;
