/**
 * Live lab sessions: a lab's plant running in real time for one student, driven either by a
 * compiled Structured Text program or by the student's own external controller (an OPC UA client).
 * {@link sfa.lab.session.LabSessions} hosts many sessions and steps them all from one thread;
 * {@link sfa.lab.session.Credentials} gives each session its own login, and {@link sfa.lab.session.Audit}
 * records who did what. Nothing here knows OPC UA: {@code sfa.lab.opcua} publishes these sessions.
 */
@NullMarked
package sfa.lab.session;

import org.jspecify.annotations.NullMarked;
