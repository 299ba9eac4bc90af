/**
 * {@code bin/labsim}: the lab engine on the command line (run a lab and write its trace, list the
 * labs, a paced demo). Bad input exits 2 with one line that names the problem, never a stack trace.
 */
@NullMarked
package sfa.lab.cli;

import org.jspecify.annotations.NullMarked;
