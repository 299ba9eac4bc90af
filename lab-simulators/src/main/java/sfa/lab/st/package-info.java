/**
 * IEC 61131-3 Structured Text for the soft PLC: scanner → tokens, parser → AST, checker (names,
 * types, I/O addresses) → a closure tree with every name resolved to a slot, run every scan.
 * One public entry point, {@link sfa.lab.st.StCompiler}, returns a program or diagnostics.
 */
@NullMarked
package sfa.lab.st;

import org.jspecify.annotations.NullMarked;
