package sfa.lab.plc;

/**
 * A program written as a Java lambda, for tests and benchmarks: {@code (io, ctx) -> io.setOutput(0, ...)}.
 * Whatever it remembers between scans it keeps in the image or in its own fields.
 */
@FunctionalInterface
public interface JavaProgram extends ProgramSource {

    @Override
    default String kind() {
        return "java";
    }
}
