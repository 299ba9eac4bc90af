/**
 * One folder per school: its departments, classes and curriculum of courseware units.
 * Filled by the courseware-and-schools issue; for now it only holds the module's place in the build.
 */
@NullMarked
package sfa.schools;

import org.jspecify.annotations.NullMarked;
