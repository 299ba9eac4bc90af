package sfa.lab.wiring;

/** The output transistor of a 3-wire sensor: PNP switches +24 V (BN) to BK, NPN switches BK to 0 V (BU). */
public enum SensorOutput {
    PNP, NPN
}
