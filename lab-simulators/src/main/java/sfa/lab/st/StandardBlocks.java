package sfa.lab.st;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The standard function blocks of IEC 61131-3 (timers, counters, edge detectors, bistables), with
 * bodies written in Java over the instance's slots. Timers read the scan's simulated start time. The
 * exact behaviour, with timing diagrams and the edge cases chosen, is in docs/structured-text.md.
 */
final class StandardBlocks {

    private static final Type.Elementary BOOL = Type.Elementary.BOOL;
    private static final Type.Elementary TIME = Type.Elementary.TIME;
    private static final Type.Elementary INT = Type.Elementary.INT;
    private static final long INT_MAX = Short.MAX_VALUE;
    private static final long INT_MIN = Short.MIN_VALUE;

    private final Map<String, FunctionBlock> blocks = new LinkedHashMap<>();

    StandardBlocks() {
        timer("TON", StandardBlocks::ton);
        timer("TOF", StandardBlocks::tof);
        timer("TP", StandardBlocks::tp);
        // the compiled bytecode calls these static methods by name: see NATIVE
        block("CTU", List.of(in("CU", BOOL), in("R", BOOL), in("PV", INT), out("Q", BOOL), out("CV", INT), local("M", BOOL)),
                StandardBlocks::ctu);
        block("CTD", List.of(in("CD", BOOL), in("LD", BOOL), in("PV", INT), out("Q", BOOL), out("CV", INT), local("M", BOOL)),
                StandardBlocks::ctd);
        block("CTUD", List.of(in("CU", BOOL), in("CD", BOOL), in("R", BOOL), in("LD", BOOL), in("PV", INT),
                out("QU", BOOL), out("QD", BOOL), out("CV", INT), local("MU", BOOL), local("MD", BOOL)), StandardBlocks::ctud);
        block("R_TRIG", List.of(in("CLK", BOOL), out("Q", BOOL), local("M", BOOL)), StandardBlocks::rTrig);
        block("F_TRIG", List.of(in("CLK", BOOL), out("Q", BOOL), local("M", BOOL)), StandardBlocks::fTrig);
        block("SR", List.of(in("S1", BOOL), in("R", BOOL), out("Q1", BOOL)), StandardBlocks::sr);
        block("RS", List.of(in("S", BOOL), in("R1", BOOL), out("Q1", BOOL)), StandardBlocks::rs);
    }

    @Nullable FunctionBlock get(String name) {
        return blocks.get(name.toUpperCase(Locale.ROOT));
    }

    java.util.Set<String> names() {
        return blocks.keySet();
    }

    private record Param(String name, Type type, Ast.Section section) {
    }

    private static Param in(String name, Type type) {
        return new Param(name, type, Ast.Section.VAR_INPUT);
    }

    private static Param out(String name, Type type) {
        return new Param(name, type, Ast.Section.VAR_OUTPUT);
    }

    private static Param local(String name, Type type) {
        return new Param(name, type, Ast.Section.VAR);
    }

    private void timer(String name, Nodes.StmtNode body) {
        // slots: 0 IN, 1 PT, 2 Q, 3 ET, 4 running/timing, 5 start time, 6 previous IN
        block(name, List.of(in("IN", BOOL), in("PT", TIME), out("Q", BOOL), out("ET", TIME),
                local("RUNNING", BOOL), local("START", TIME), local("PREVIOUS_IN", BOOL)), body);
    }

    private void block(String name, List<Param> params, Nodes.StmtNode body) {
        FunctionBlock fb = new FunctionBlock(name, Ast.PouKind.FUNCTION_BLOCK, true, Position.START);
        for (Param p : params) {
            fb.declare(p.name, p.type, p.section, false, false, null, Position.START);
        }
        Type.Layout l = fb.layout();
        fb.setInitialValues(new long[l.longs()], new double[l.doubles()], new Object[l.objects()], List.of());
        fb.setBody(body);
        blocks.put(name, fb);
    }

    /** Rising edge: Q := CLK AND NOT M; M := CLK. */
    static int rTrig(Frame f) {
        long clk = f.l[0];
        f.l[1] = clk & (f.l[2] ^ 1);
        f.l[2] = clk;
        return Nodes.NORMAL;
    }

    /** Falling edge as IEC 61131-3 defines it, M initially FALSE: Q := NOT CLK AND NOT M; M := NOT CLK. */
    static int fTrig(Frame f) {
        long notClk = f.l[0] ^ 1;
        f.l[1] = notClk & (f.l[2] ^ 1);
        f.l[2] = notClk;
        return Nodes.NORMAL;
    }

    /** Set-dominant bistable: Q1 := S1 OR (NOT R AND Q1). */
    static int sr(Frame f) {
        f.l[2] = f.l[0] | ((f.l[1] ^ 1) & f.l[2]);
        return Nodes.NORMAL;
    }

    /** Reset-dominant bistable: Q1 := NOT R1 AND (S OR Q1). */
    static int rs(Frame f) {
        f.l[2] = (f.l[1] ^ 1) & (f.l[0] | f.l[2]);
        return Nodes.NORMAL;
    }

    /** The name of the static method of this class that runs a standard block, for compiled code. */
    static String nativeMethod(String block) {
        return switch (block) {
            case "TON" -> "ton";
            case "TOF" -> "tof";
            case "TP" -> "tp";
            case "CTU" -> "ctu";
            case "CTD" -> "ctd";
            case "CTUD" -> "ctud";
            case "R_TRIG" -> "rTrig";
            case "F_TRIG" -> "fTrig";
            case "SR" -> "sr";
            case "RS" -> "rs";
            default -> throw new IllegalArgumentException(block);
        };
    }

    /** On-delay: Q once IN has been TRUE for PT, timed from the scan in which IN was first seen TRUE. */
    static int ton(Frame f) {
        long[] s = f.l;
        if (s[0] != 0) {
            if (s[4] == 0) {
                s[4] = 1;
                s[5] = f.rt.nowMillis;
            }
            long et = Math.min(f.rt.nowMillis - s[5], Math.max(s[1], 0));
            s[3] = et;
            s[2] = et >= s[1] ? 1 : 0;
        } else {
            s[4] = 0;
            s[3] = 0;
            s[2] = 0;
        }
        return Nodes.NORMAL;
    }

    /** Off-delay: Q while IN, and for PT after IN falls. Before IN was ever TRUE, Q stays FALSE. */
    static int tof(Frame f) {
        long[] s = f.l;
        if (s[0] != 0) {
            s[4] = 0;
            s[2] = 1;
            s[3] = 0;
        } else {
            if (s[6] != 0) {
                s[4] = 1;
                s[5] = f.rt.nowMillis;
            }
            if (s[4] != 0) {
                long et = Math.min(f.rt.nowMillis - s[5], Math.max(s[1], 0));
                s[3] = et;
                s[2] = et < s[1] ? 1 : 0;
            }
        }
        s[6] = s[0];
        return Nodes.NORMAL;
    }

    /** Pulse: a rising edge of IN starts a pulse of exactly PT; not retriggerable while it lasts. */
    static int tp(Frame f) {
        long[] s = f.l;
        if (s[0] != 0 && s[6] == 0 && s[4] == 0) {
            s[4] = 1;
            s[5] = f.rt.nowMillis;
        }
        s[6] = s[0];
        if (s[4] == 0) {
            s[2] = 0;
            s[3] = 0;
        } else {
            long et = Math.min(f.rt.nowMillis - s[5], Math.max(s[1], 0));
            s[3] = et;
            s[2] = et < s[1] ? 1 : 0;
            if (s[2] == 0 && s[0] == 0) {
                s[4] = 0;
                s[3] = 0;
            }
        }
        return Nodes.NORMAL;
    }

    /** Up-counter: R has priority; a rising edge of CU counts while CV is below the INT maximum. */
    static int ctu(Frame f) {
        long[] s = f.l; // 0 CU, 1 R, 2 PV, 3 Q, 4 CV, 5 M
        boolean edge = s[0] != 0 && s[5] == 0;
        s[5] = s[0];
        if (s[1] != 0) {
            s[4] = 0;
        } else if (edge && s[4] < INT_MAX) {
            s[4]++;
        }
        s[3] = s[4] >= s[2] ? 1 : 0;
        return Nodes.NORMAL;
    }

    /** Down-counter: LD loads PV; a rising edge of CD counts down while CV is above the INT minimum. */
    static int ctd(Frame f) {
        long[] s = f.l; // 0 CD, 1 LD, 2 PV, 3 Q, 4 CV, 5 M
        boolean edge = s[0] != 0 && s[5] == 0;
        s[5] = s[0];
        if (s[1] != 0) {
            s[4] = s[2];
        } else if (edge && s[4] > INT_MIN) {
            s[4]--;
        }
        s[3] = s[4] <= 0 ? 1 : 0;
        return Nodes.NORMAL;
    }

    /** Up-down counter: R, then LD; CU and CD rising in the same scan cancel out. */
    static int ctud(Frame f) {
        long[] s = f.l; // 0 CU, 1 CD, 2 R, 3 LD, 4 PV, 5 QU, 6 QD, 7 CV, 8 MU, 9 MD
        boolean up = s[0] != 0 && s[8] == 0;
        boolean down = s[1] != 0 && s[9] == 0;
        s[8] = s[0];
        s[9] = s[1];
        if (s[2] != 0) {
            s[7] = 0;
        } else if (s[3] != 0) {
            s[7] = s[4];
        } else if (!(up && down)) {
            if (up && s[7] < INT_MAX) {
                s[7]++;
            } else if (down && s[7] > INT_MIN) {
                s[7]--;
            }
        }
        s[5] = s[7] >= s[4] ? 1 : 0;
        s[6] = s[7] <= 0 ? 1 : 0;
        return Nodes.NORMAL;
    }
}
