package sfa.lab.st;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import sfa.lab.plc.Address;

/**
 * The one entry point of the Structured Text language: source text in, a runnable {@link StProgram}
 * or the diagnostics out. The pipeline is scanner → parser → checker → closures; every stage adds
 * its diagnostics and the next stage runs only when there is something sound to work on.
 */
public final class StCompiler {

    /** The default scan budget: a scan running longer than this (real time) stops the program. */
    public static final int DEFAULT_WATCHDOG_MILLIS = 100;

    /**
     * The most memory a program's variables may take, counted at compile time (see {@link Memory}): about the
     * data memory of a small PLC, and small enough that hundreds of sessions fit in one server.
     */
    public static final long MEMORY_LIMIT_BYTES = 1L << 20;

    private StCompiler() {
    }

    /**
     * How to compile.
     *
     * @param labAddresses the I/O addresses the lab has; null to accept any address (no lab)
     * @param watchdogMillis the scan budget in ms of real time
     * @param backend how the checked program is made executable
     */
    public record Options(@Nullable Set<Address> labAddresses, int watchdogMillis, Backend backend) {

        public Options(@Nullable Set<Address> labAddresses, int watchdogMillis) {
            this(labAddresses, watchdogMillis, Backend.BYTECODE);
        }

        /** The same options with another backend. */
        public Options with(Backend other) {
            return new Options(labAddresses, watchdogMillis, other);
        }

        public Options {
            labAddresses = labAddresses == null ? null : Set.copyOf(labAddresses);
            if (watchdogMillis < 1) {
                throw new IllegalArgumentException("the watchdog needs at least 1 ms");
            }
        }

        /** No lab: any I/O address is accepted. */
        public static Options standalone() {
            return new Options(null, DEFAULT_WATCHDOG_MILLIS);
        }

        /** For a lab: an address it does not have is an error. */
        public static Options forLab(Collection<Address> addresses) {
            return new Options(Set.copyOf(addresses), DEFAULT_WATCHDOG_MILLIS);
        }
    }

    /**
     * The executable form: JVM bytecode (the default, as fast as hand-written Java once the JIT has
     * inlined it) or a tree of closures (the reference the conformance suite compares against).
     */
    public enum Backend {
        BYTECODE, CLOSURES
    }

    /** The result: a program when there are no errors (warnings allowed), and every diagnostic sorted by position. */
    public record Compilation(@Nullable StProgram program, List<Diagnostic> diagnostics) {

        public Compilation {
            diagnostics = List.copyOf(diagnostics);
        }

        public boolean ok() {
            return program != null;
        }

        public List<Diagnostic> errors() {
            return diagnostics.stream().filter(Diagnostic::isError).toList();
        }

        public List<Diagnostic> warnings() {
            return diagnostics.stream().filter(d -> !d.isError()).toList();
        }
    }

    public static Compilation compile(String source, Options options) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        StProgram program = orTooDeep(() -> stages(source, options, diagnostics), diagnostics);
        diagnostics.sort(Comparator.comparing(Diagnostic::position));
        if (diagnostics.size() > MAX_DIAGNOSTICS) {
            // a call with thousands of surplus arguments gave tens of thousands: an answer of megabytes nobody reads
            Diagnostic first = diagnostics.get(MAX_DIAGNOSTICS);
            int more = diagnostics.size() - MAX_DIAGNOSTICS;
            List<Diagnostic> shown = new ArrayList<>(diagnostics.subList(0, MAX_DIAGNOSTICS));
            shown.add(program == null ? Message.MORE_PROBLEMS.error(first.position(), first.length(), more)
                    : Message.MORE_PROBLEMS.warning(first.position(), first.length(), more));
            return new Compilation(program, shown);
        }
        return new Compilation(program, diagnostics);
    }

    /** The most diagnostics a compilation lists, in order of position; one more says how many were left out. */
    static final int MAX_DIAGNOSTICS = 100;

    private static @Nullable StProgram stages(String source, Options options, List<Diagnostic> diagnostics) {
        List<Token> tokens = new Scanner(source, diagnostics).scan();
        Ast.SourceFile file = new Parser(tokens, diagnostics).parse();
        if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
            return null;
        }
        Checker.Checked checked = new Checker(diagnostics, options.labAddresses()).check(file);
        if (checked == null || diagnostics.stream().anyMatch(Diagnostic::isError)) {
            return null;
        }
        return new StProgram(checked, options.watchdogMillis(), options.backend());
    }

    /**
     * The stages' program, or null with an error ({@code program-too-deep}) added when one of them ran off the
     * end of the stack. The parser's limits on nesting and on operators and the checker's on calls keep every
     * stage far from it, on a small stack too (docs/structured-text.md); this is the last line of defence, so
     * that whatever slips past them is still an answer for the student and never a server error.
     */
    static @Nullable StProgram orTooDeep(Supplier<@Nullable StProgram> stages, List<Diagnostic> diagnostics) {
        try {
            return stages.get();
        } catch (StackOverflowError tooDeep) {
            diagnostics.add(Message.PROGRAM_TOO_DEEP.error(Position.START, 1));
            return null;
        }
    }
}
