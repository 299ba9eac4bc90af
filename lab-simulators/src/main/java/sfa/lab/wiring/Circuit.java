package sfa.lab.wiring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sfa.lab.sim.StateReader;
import sfa.lab.sim.StateWriter;
import sfa.lab.sim.Stateful;

/**
 * A compiled board and its net solver. Wires join terminals into static nets once; every solve then
 * joins nets through closed switches (contacts, sensor and output transistors, relay contacts) with
 * a union-find over plain arrays, marks which joined nets reach +24 V or 0 V, and powers each load
 * that sits across the two rails. Switches that depend on a load (a sensor's output needs its
 * supply, a relay contact its coil) are re-evaluated until nothing changes, as relays settle.
 *
 * <p>The solver runs only when a switch changed since the last solve, so a step in which nothing
 * electrical happens costs one branch, and a solve allocates nothing.
 */
public final class Circuit implements Stateful {

    /** Relay circuits that have not settled after this many passes are chattering. */
    private static final int MAX_PASSES = 32;
    private static final byte HIGH = 1;
    private static final byte LOW = 2;

    private final List<Component> components;
    private final List<Wire> wires;
    private final List<Net> nets;
    private final Map<Terminal, Integer> netOfTerminal;
    private final CircuitBuilder elements;

    private final int[] srcNet;
    private final byte[] srcLevel;
    private final Supply[] srcSupply;

    private final int[] ldA;
    private final int[] ldB;
    private final boolean[] ldPolar;
    private final boolean[] powered;

    private final int[] swA;
    private final int[] swB;
    private final int[] swControl;
    private final boolean[] swInverted;
    private final boolean[] actuated;
    private final boolean[] closed;

    private final int[] parent;
    private final byte[] flags;

    private boolean dirty = true;
    private boolean chattering;
    private final List<ShortCircuit> shorts = new ArrayList<>();

    /** Where the fuse of a supply blew: the joined nets and the switches that closed the path. */
    record ShortCircuit(String supply, List<Net> nets, List<String> through) {
    }

    private Circuit(List<Component> components, List<Wire> wires, List<Net> nets,
            Map<Terminal, Integer> netOfTerminal, CircuitBuilder elements) {
        this.components = components;
        this.wires = wires;
        this.nets = nets;
        this.netOfTerminal = netOfTerminal;
        this.elements = elements;

        int s = elements.sources.size();
        srcNet = new int[s];
        srcLevel = new byte[s];
        srcSupply = new Supply[s];
        for (int i = 0; i < s; i++) {
            CircuitBuilder.Source src = elements.sources.get(i);
            srcNet[i] = netOfTerminal.get(src.terminal());
            srcLevel[i] = src.high() ? HIGH : LOW;
            srcSupply[i] = src.supply();
        }
        int l = elements.loads.size();
        ldA = new int[l];
        ldB = new int[l];
        ldPolar = new boolean[l];
        powered = new boolean[l];
        for (int i = 0; i < l; i++) {
            CircuitBuilder.Load load = elements.loads.get(i);
            ldA[i] = netOfTerminal.get(load.a());
            ldB[i] = netOfTerminal.get(load.b());
            ldPolar[i] = load.polar();
        }
        int w = elements.switches.size();
        swA = new int[w];
        swB = new int[w];
        swControl = new int[w];
        swInverted = new boolean[w];
        actuated = new boolean[w];
        closed = new boolean[w];
        for (int i = 0; i < w; i++) {
            CircuitBuilder.Switch sw = elements.switches.get(i);
            swA[i] = netOfTerminal.get(sw.a());
            swB[i] = netOfTerminal.get(sw.b());
            swControl[i] = sw.controlLoad();
            swInverted[i] = sw.inverted();
            actuated[i] = sw.actuated();
        }
        parent = new int[nets.size()];
        flags = new byte[nets.size()];
    }

    static Circuit compile(List<Component> components, List<Wire> wires) {
        Map<Terminal, Integer> index = new HashMap<>();
        List<Terminal> terminals = new ArrayList<>();
        for (Component c : components) {
            for (String pin : c.pins()) {
                Terminal t = c.terminal(pin);
                index.put(t, terminals.size());
                terminals.add(t);
            }
        }
        int[] root = new int[terminals.size()];
        for (int i = 0; i < root.length; i++) {
            root[i] = i;
        }
        for (Wire w : wires) {
            int a = find(root, index.get(w.from()));
            int b = find(root, index.get(w.to()));
            if (a != b) {
                root[Math.max(a, b)] = Math.min(a, b);
            }
        }
        Map<Integer, Integer> netOfRoot = new HashMap<>();
        List<List<Terminal>> members = new ArrayList<>();
        Map<Terminal, Integer> netOfTerminal = new HashMap<>();
        for (int i = 0; i < terminals.size(); i++) {
            int r = find(root, i);
            Integer net = netOfRoot.get(r);
            if (net == null) {
                net = members.size();
                netOfRoot.put(r, net);
                members.add(new ArrayList<>());
            }
            members.get(net).add(terminals.get(i));
            netOfTerminal.put(terminals.get(i), net);
        }
        List<Net> nets = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            nets.add(new Net(i, members.get(i)));
        }
        CircuitBuilder builder = new CircuitBuilder(index);
        for (Component c : components) {
            c.attach(builder);
        }
        Circuit circuit = new Circuit(components, wires, List.copyOf(nets), Map.copyOf(netOfTerminal), builder);
        for (Component c : components) {
            c.bind(circuit);
        }
        circuit.update();
        return circuit;
    }

    private static int find(int[] root, int i) {
        while (root[i] != i) {
            root[i] = root[root[i]];
            i = root[i];
        }
        return i;
    }

    void actuate(int sw, boolean on) {
        if (actuated[sw] != on) {
            actuated[sw] = on;
            dirty = true;
        }
    }

    void markDirty() {
        dirty = true;
    }

    /**
     * Makes the next {@link #update()} solve every net again even if no switch changed. The plant
     * never needs this; the benchmarks use it to measure the full solve.
     */
    public void invalidate() {
        dirty = true;
    }

    boolean powered(int load) {
        return powered[load];
    }

    boolean closed(int sw) {
        return closed[sw];
    }

    /**
     * Brings every net, load and switch up to date with the switches' actuation.
     *
     * @return whether anything had changed and the nets were solved again
     */
    public boolean update() {
        if (!dirty) {
            return false;
        }
        dirty = false;
        solve();
        return true;
    }

    private void solve() {
        chattering = false;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            for (int s = 0; s < closed.length; s++) {
                int ctl = swControl[s];
                closed[s] = actuated[s] && (ctl < 0 || powered[ctl] != swInverted[s]);
            }
            joinNets();
            if (blowShortedFuses()) {
                joinNets();
            }
            boolean changed = false;
            for (int l = 0; l < powered.length; l++) {
                byte a = flags[root(ldA[l])];
                byte b = flags[root(ldB[l])];
                boolean p = (a == HIGH && b == LOW) || (!ldPolar[l] && a == LOW && b == HIGH);
                if (p != powered[l]) {
                    powered[l] = p;
                    changed = true;
                }
            }
            if (!changed) {
                return;
            }
        }
        chattering = true;
    }

    private void joinNets() {
        for (int n = 0; n < parent.length; n++) {
            parent[n] = n;
            flags[n] = 0;
        }
        for (int s = 0; s < closed.length; s++) {
            if (closed[s]) {
                int a = root(swA[s]);
                int b = root(swB[s]);
                if (a != b) {
                    parent[Math.max(a, b)] = Math.min(a, b);
                }
            }
        }
        for (int i = 0; i < srcNet.length; i++) {
            if (!srcSupply[i].fuseBlown()) {
                flags[root(srcNet[i])] |= srcLevel[i];
            }
        }
    }

    /** Blows the fuse of every supply whose +24 V reaches 0 V without a load; true if one blew. */
    private boolean blowShortedFuses() {
        boolean blew = false;
        for (int i = 0; i < srcNet.length; i++) {
            Supply supply = srcSupply[i];
            if (srcLevel[i] == HIGH && !supply.fuseBlown() && flags[root(srcNet[i])] == (HIGH | LOW)) {
                shorts.add(describeShort(supply, root(srcNet[i])));
                supply.blowFuse();
                blew = true;
            }
        }
        return blew;
    }

    /**
     * The path the short took: a breadth-first search from the supply's +24 V net to a 0 V net over
     * the switches that were closed, so only the nets and switches actually on the path are named.
     */
    private ShortCircuit describeShort(Supply supply, int root) {
        int start = -1;
        boolean[] zero = new boolean[nets.size()];
        for (int i = 0; i < srcNet.length; i++) {
            if (srcSupply[i] == supply && srcLevel[i] == HIGH) {
                start = srcNet[i];
            }
            if (srcLevel[i] == LOW && !srcSupply[i].fuseBlown()) {
                zero[srcNet[i]] = true;
            }
        }
        int[] viaSwitch = new int[nets.size()];
        int[] fromNet = new int[nets.size()];
        java.util.Arrays.fill(viaSwitch, -2);
        java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
        viaSwitch[start] = -1;
        queue.add(start);
        int end = -1;
        while (!queue.isEmpty()) {
            int n = queue.poll();
            if (zero[n]) {
                end = n;
                break;
            }
            for (int sw = 0; sw < closed.length; sw++) {
                if (!closed[sw]) {
                    continue;
                }
                int other = swA[sw] == n ? swB[sw] : swB[sw] == n ? swA[sw] : -1;
                if (other >= 0 && viaSwitch[other] == -2) {
                    viaSwitch[other] = sw;
                    fromNet[other] = n;
                    queue.add(other);
                }
            }
        }
        List<Net> path = new ArrayList<>();
        List<String> through = new ArrayList<>();
        for (int n = end; n >= 0; n = viaSwitch[n] == -1 ? -1 : fromNet[n]) {
            path.addFirst(nets.get(n));
            if (viaSwitch[n] >= 0) {
                CircuitBuilder.Switch sw = elements.switches.get(viaSwitch[n]);
                through.addFirst(sw.a() + "–" + sw.b());
            }
        }
        if (path.isEmpty()) {
            path.add(nets.get(start));
        }
        return new ShortCircuit(supply.name(), path, through);
    }

    /** Keeps the shorts another circuit of the same board recorded, for supplies whose fuse is still blown. */
    public void inheritShorts(Circuit before) {
        for (ShortCircuit sc : before.shorts) {
            boolean stillBlown = components.stream().anyMatch(c -> c instanceof Supply s && s.name().equals(sc.supply())
                    && s.fuseBlown());
            if (stillBlown && shorts.stream().noneMatch(x -> x.supply().equals(sc.supply()))) {
                shorts.add(sc);
            }
        }
    }

    private int root(int n) {
        while (parent[n] != n) {
            parent[n] = parent[parent[n]];
            n = parent[n];
        }
        return n;
    }

    /** The level the solver gave the net of {@code terminal} in its last solve. */
    public Level level(Terminal terminal) {
        Integer net = netOfTerminal.get(terminal);
        if (net == null) {
            throw new IllegalArgumentException("no terminal " + terminal + " in this circuit");
        }
        return switch (flags[root(net)]) {
            case HIGH -> Level.HIGH;
            case LOW -> Level.LOW;
            default -> Level.FLOATING;
        };
    }

    /** The static net (joined by wires only) that holds {@code terminal}. */
    public Net net(Terminal terminal) {
        Integer net = netOfTerminal.get(terminal);
        if (net == null) {
            throw new IllegalArgumentException("no terminal " + terminal + " in this circuit");
        }
        return nets.get(net);
    }

    public List<Net> nets() {
        return nets;
    }

    public List<Wire> wires() {
        return wires;
    }

    public List<Component> components() {
        return components;
    }

    /** True when the last solve ended with relays still switching (a relay buzzing in a loop). */
    public boolean chattering() {
        return chattering;
    }

    List<ShortCircuit> shorts() {
        return List.copyOf(shorts);
    }

    List<CircuitBuilder.Load> loadElements() {
        return elements.loads;
    }

    /** Names what is wrong with this wiring, in Korean and English; empty findings when nothing is. */
    public WiringDiagnosis diagnose() {
        return WiringDiagnosis.of(this);
    }

    // --- snapshot -------------------------------------------------------------------------

    @Override
    public String stateKey() {
        return "circuit";
    }

    @Override
    public void save(StateWriter state) {
        state.put("actuated", actuated).put("closed", closed).put("powered", powered)
                .put("dirty", dirty).put("chattering", chattering);
        StateWriter fuses = state.child("fuseBlown");
        Set<Supply> supplies = new LinkedHashSet<>(List.of(srcSupply));
        for (Supply s : supplies) {
            fuses.put(s.name(), s.fuseBlown());
        }
        for (ShortCircuit sc : shorts) {
            StateWriter w = state.appendChild("shorts");
            w.put("supply", sc.supply());
            w.putStrings("nets", sc.nets().stream()
                    .map(n -> String.join(";", n.terminals().stream().map(Terminal::toString).toList())).toList());
            w.putStrings("through", sc.through());
        }
    }

    @Override
    public void load(StateReader state) {
        state.getBits("actuated", actuated);
        state.getBits("closed", closed);
        state.getBits("powered", powered);
        dirty = state.getBoolean("dirty");
        chattering = state.getBoolean("chattering");
        StateReader fuses = state.child("fuseBlown");
        for (Supply s : srcSupply) {
            s.restoreFuse(fuses.getBoolean(s.name()));
        }
        shorts.clear();
        for (StateReader r : state.children("shorts")) {
            List<Net> joined = r.getStrings("nets").stream()
                    .map(t -> new Net(-1, java.util.Arrays.stream(t.split(";")).map(Terminal::parse).toList())).toList();
            shorts.add(new ShortCircuit(r.getString("supply"), joined, r.getStrings("through")));
        }
        // The levels are not saved: rebuild them from the restored switch states without changing any.
        joinNets();
    }
}
