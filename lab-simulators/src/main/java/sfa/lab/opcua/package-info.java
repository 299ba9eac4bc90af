/**
 * The OPC UA face of live lab sessions, on Eclipse Milo 1.1.2: one server publishes every session of a
 * {@link sfa.lab.session.LabSessions} registry as its own subtree {@code Objects/Labs/<sessionId>},
 * readable and writable only by that session's login. Written from Milo 1.1.2's bytecode and a probe
 * (its sources online are partly 0.6): see the notes on each class for the pitfalls found.
 */
package sfa.lab.opcua;
