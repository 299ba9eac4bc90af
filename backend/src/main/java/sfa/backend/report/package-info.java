/** Completion by student, class, department, school and programme, as JSON for charts and CSV for Excel. */
@NullMarked
package sfa.backend.report;

import org.jspecify.annotations.NullMarked;
