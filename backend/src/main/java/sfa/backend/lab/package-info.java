/** Labs in the platform: grading students' programs and wiring, attempts with traces, live sessions. */
@NullMarked
package sfa.backend.lab;

import org.jspecify.annotations.NullMarked;
