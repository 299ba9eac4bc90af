package sfa.backend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A loopback port that is free now and that nothing else in the test is handed meanwhile. A port found with
 * {@code new ServerSocket(0)} and closed again is an ephemeral port, and the next {@code bind(0)} (the embedded
 * store, Tomcat) may get the same one before the test binds it: the OPC UA server then failed with "Address already
 * in use" in one CI run. Ports below Linux's ephemeral range (32768–60999) are never handed out for a port 0.
 */
public final class TestPorts {

    private TestPorts() {
    }

    public static int free() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20_000, 32_000);
            try (ServerSocket s = new ServerSocket(port, 0, InetAddress.getLoopbackAddress())) {
                return s.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new UncheckedIOException(new IOException("no free loopback port between 20000 and 32000"));
    }
}
