/**
 * Course content as files: units (lessons, a quiz, labs of the catalogue) under {@code courseware/units}
 * and schools under {@code schools/}, and {@link sfa.courseware.Courseware}, which loads and checks them
 * all at once for the backend and for {@code bin/courseware validate}.
 */
@NullMarked
package sfa.courseware;

import org.jspecify.annotations.NullMarked;
