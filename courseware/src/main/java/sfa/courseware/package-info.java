/**
 * Course units as files: lessons, quizzes and labs, and the loader and validator that read them.
 * Filled by the courseware issue; for now it only holds the module's place in the build.
 */
@NullMarked
package sfa.courseware;

import org.jspecify.annotations.NullMarked;
