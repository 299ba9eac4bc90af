package sfa.lab.equipment;

/**
 * A workpiece on a conveyor: a cube of {@code size} metres whose front (downstream) edge is at
 * {@code front} metres from the belt's start. Parts are pooled by the conveyor and reused, so a
 * running plant allocates none.
 */
public final class Part {

    int id;
    Material material = Material.PLASTIC;
    double front;
    double size;
    boolean onBelt;

    public int id() {
        return id;
    }

    public Material material() {
        return material;
    }

    public double front() {
        return front;
    }

    public double back() {
        return front - size;
    }

    /** Edge length of the cube, in m. */
    public double size() {
        return size;
    }

    /** True while the part covers position {@code x} (its edges included). */
    public boolean covers(double x) {
        return front >= x && front - size <= x;
    }
}
