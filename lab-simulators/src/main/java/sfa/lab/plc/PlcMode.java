package sfa.lab.plc;

/** RUN executes the program every scan; STOP holds every output off. */
public enum PlcMode {
    RUN, STOP
}
