/**
 * Lab scenarios and grading: lab spec files (equipment, I/O map, test sequence, faults, objectives),
 * the small temporal language objectives are written in, and the grader that runs a lab's test
 * sequence as fast as the CPU allows and checks every objective on the recorded trace.
 */
@NullMarked
package sfa.lab.scenario;

import org.jspecify.annotations.NullMarked;
