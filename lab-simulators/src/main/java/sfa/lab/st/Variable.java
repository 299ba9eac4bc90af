package sfa.lab.st;

import org.jspecify.annotations.Nullable;
import sfa.lab.plc.Address;

/**
 * A declared variable, resolved: its type, its section, and where its slots start in its frame.
 *
 * @param location the I/O address of an {@code AT} variable, or null
 */
record Variable(String name, Type type, Ast.Section section, boolean constant, boolean retain, Type.Layout offset,
        @Nullable Address location, Position declared) {

    boolean isInput() {
        return section == Ast.Section.VAR_INPUT || (location != null && location.area().isInput());
    }

    boolean isOutput() {
        return section == Ast.Section.VAR_OUTPUT || (location != null && !location.area().isInput());
    }
}
