package sfa.backend.school;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import sfa.backend.security.Role;

/**
 * The least role an API endpoint needs. {@link SchoolScope} checks it before anything of the request is read (its
 * body is not even parsed for a caller who may not call it), and the authorisation tests read it to know what every
 * role must get from every endpoint.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RequiresRole {
    Role value();
}
