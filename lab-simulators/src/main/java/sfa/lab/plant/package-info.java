/**
 * A running lab: the {@link sfa.lab.plant.Plant} that steps the board, the equipment and the soft
 * PLC in a fixed order; the catalogue of labs from {@code LABS.md}, each assembled from equipment on a
 * pre-wired panel; operator commands; CSV traces; and snapshots that resume a run bit for bit.
 */
@NullMarked
package sfa.lab.plant;

import org.jspecify.annotations.NullMarked;
