/** The school's planned curriculum and the units teachers assign to their classes with due dates. */
@NullMarked
package sfa.backend.curriculum;

import org.jspecify.annotations.NullMarked;
