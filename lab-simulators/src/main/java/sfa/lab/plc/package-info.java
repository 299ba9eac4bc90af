/**
 * The soft PLC: the I/O image ({@code %IX %QX %IW %QW}), the scan cycle (read inputs, run the
 * program, write outputs) and the {@link sfa.lab.plc.ProgramSource} that a program plugs into:
 * outputs forced by hand as from an HMI, a Java program for tests, and later Structured Text and
 * an external OPC UA controller.
 */
@NullMarked
package sfa.lab.plc;

import org.jspecify.annotations.NullMarked;
