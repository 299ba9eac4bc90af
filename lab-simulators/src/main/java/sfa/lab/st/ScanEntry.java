package sfa.lab.st;

import sfa.lab.plc.IoImage;

/**
 * One whole scan of a compiled program, I/O copies included: inputs from the image into the located
 * variables, the PROGRAM body, the located outputs back to the image. The bytecode backend generates
 * it as straight-line code, so the JIT inlines the scan end to end.
 */
interface ScanEntry {

    void scan(Frame program, IoImage io);
}
