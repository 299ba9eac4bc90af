/** {@code GET /api/me}: who the caller is, as the token says. */
@NullMarked
package sfa.backend.me;

import org.jspecify.annotations.NullMarked;
