package sfa.lab.plant;

/**
 * One lab of the catalogue ({@code LABS.md}): its id, title and how to assemble its plant. The ids,
 * I/O addresses and geometry are a published contract and do not change between releases.
 */
public interface Lab {

    String id();

    String titleKo();

    String titleEn();

    /** Length of the catalogue's test sequence, in ms; a run without {@code --seconds} lasts this long. */
    long sequenceMillis();

    /** The scan cycle (and physics step) in ms the lab runs at. */
    default int scanMillis() {
        return sfa.lab.sim.Clock.DEFAULT_STEP_MILLIS;
    }

    /** Places the lab's equipment, wiring and I/O map on the builder. */
    void assemble(PlantBuilder builder);
}
