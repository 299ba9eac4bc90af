package sfa.lab.plant;

import sfa.lab.plc.Address;

/** One line of a lab's I/O map: {@code %IX0.0 START — green push button, NO}. */
public record IoPoint(String name, Address address, String deviceKo, String deviceEn) {
}
