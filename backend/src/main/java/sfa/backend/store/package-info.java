/** Where the platform keeps its data: any MongoDB, or the embedded MongoDB-wire server by default. */
@NullMarked
package sfa.backend.store;

import org.jspecify.annotations.NullMarked;
