package sfa.lab.equipment;

import sfa.lab.sim.Clock;
import sfa.lab.sim.SimRandom;
import sfa.lab.sim.StateReader;
import sfa.lab.sim.StateWriter;

/**
 * Puts parts on a conveyor: the first when {@link #start()} is called (the sorting station starts
 * it with the first START press), each next one after the belt has moved {@code spacing} metres
 * since the last placement. Materials come from a seeded generator; the first ten parts always hold
 * at least three of each material, so every seed exercises both bins.
 */
public final class PartFeeder implements Equipment {

    static final int GUARANTEED_PARTS = 10;
    static final int MIN_EACH = 3;

    private final String name;
    private final Conveyor conveyor;
    private final double firstFront;
    private final double spacing;
    private final double size;
    private final SimRandom random;
    private final Material[] opening = new Material[GUARANTEED_PARTS];
    private boolean started;
    private int placed;
    private double lastPlacement;

    /**
     * @param firstFront where a new part's front edge is placed, in m
     * @param spacing belt travel between placements, in m
     * @param size edge length of the cubic parts, in m
     */
    public PartFeeder(String name, Conveyor conveyor, double firstFront, double spacing, double size, SimRandom random) {
        this.name = name;
        this.conveyor = conveyor;
        this.firstFront = firstFront;
        this.spacing = spacing;
        this.size = size;
        this.random = random;
    }

    /** Starts feeding; later calls change nothing. */
    public void start() {
        if (started) {
            return;
        }
        started = true;
        int metal;
        do {
            metal = 0;
            for (int i = 0; i < GUARANTEED_PARTS; i++) {
                opening[i] = random.nextBoolean() ? Material.METAL : Material.PLASTIC;
                metal += opening[i] == Material.METAL ? 1 : 0;
            }
        } while (metal < MIN_EACH || GUARANTEED_PARTS - metal < MIN_EACH);
    }

    public boolean started() {
        return started;
    }

    public int placed() {
        return placed;
    }

    @Override
    public void advance(Clock clock) {
        if (!started) {
            return;
        }
        if (placed == 0 || conveyor.travel() - lastPlacement >= spacing - 1e-9) {
            Material m = placed < GUARANTEED_PARTS ? opening[placed]
                    : random.nextBoolean() ? Material.METAL : Material.PLASTIC;
            conveyor.place(m, firstFront, size);
            placed++;
            lastPlacement = conveyor.travel();
        }
    }

    @Override
    public String stateKey() {
        return name;
    }

    @Override
    public void save(StateWriter state) {
        state.put("started", started).put("placed", placed).put("lastPlacement", lastPlacement)
                .put("random", random.state());
        StateWriter o = state.child("opening");
        for (int i = 0; i < GUARANTEED_PARTS; i++) {
            o.put(String.valueOf(i), opening[i] == null ? "" : opening[i].name());
        }
    }

    @Override
    public void load(StateReader state) {
        started = state.getBoolean("started");
        placed = state.getInt("placed");
        lastPlacement = state.getDouble("lastPlacement");
        random.restore(state.getLong("random"));
        StateReader o = state.child("opening");
        for (int i = 0; i < GUARANTEED_PARTS; i++) {
            String m = o.getString(String.valueOf(i));
            opening[i] = m.isEmpty() ? null : Material.valueOf(m);
        }
    }
}
