package sfa.lab.equipment;

/** What a workpiece is made of; an inductive sensor sees only metal. */
public enum Material {
    METAL, PLASTIC;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
