/**
 * Quizzes as data: six item types and the one scorer that grades any of them, so no quiz needs code.
 */
@NullMarked
package sfa.courseware.quiz;

import org.jspecify.annotations.NullMarked;
