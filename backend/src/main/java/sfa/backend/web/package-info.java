/** What every API answer shares: problems (RFC 9457, Korean and English) and the MVC set-up. */
@NullMarked
package sfa.backend.web;

import org.jspecify.annotations.NullMarked;
