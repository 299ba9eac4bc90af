/** Schools: departments, classes and each school's curriculum of course units. */
@NullMarked
package sfa.courseware.school;

import org.jspecify.annotations.NullMarked;
