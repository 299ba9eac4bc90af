/** The content shipped with the checkout: lab catalogue, course units and schools, validated at start. */
@NullMarked
package sfa.backend.content;

import org.jspecify.annotations.NullMarked;
