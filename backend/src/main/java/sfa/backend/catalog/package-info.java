/**
 * The unit catalogue in versions: the shipped courseware is version 1; teachers make, check and publish
 * later versions for their school; a published version never changes.
 */
@NullMarked
package sfa.backend.catalog;

import org.jspecify.annotations.NullMarked;
