/** {@code bin/courseware}: validating course content from the command line. */
@NullMarked
package sfa.courseware.cli;

import org.jspecify.annotations.NullMarked;
