/**
 * Schools, departments and classes, and the fence between schools ({@link sfa.backend.school.SchoolScope}):
 * a user belongs to one school, from their token, and sees only its data.
 */
@NullMarked
package sfa.backend.school;

import org.jspecify.annotations.NullMarked;
