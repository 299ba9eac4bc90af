package sfa.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sfa.lab.opcua.OpcUaLabServer;
import sfa.lab.scenario.Catalog;
import sfa.lab.session.LabSession;
import sfa.lab.session.LabSessions;

/**
 * The platform will host the labs' OPC UA server in its own JVM, where Spring Boot's BOM chooses the
 * netty version (4.2) under Milo (built on 4.1): a student's client must still connect, read and write.
 */
class OpcUaOnBootsNettyTests {

    @TempDir
    Path pki;

    @Test
    void aStudentsClientConnectsReadsAndWritesWithThePlatformsLibraries() throws Exception {
        int port = TestPorts.free();
        try (LabSessions sessions = new LabSessions(Catalog.standard());
                OpcUaLabServer server = new OpcUaLabServer(OpcUaLabServer.Config.local(pki, port), sessions).start()) {
            LabSessions.Opened opened = sessions.openExternal("conveyor-self-hold");
            LabSession session = opened.session();
            OpcUaClient client = OpcUaClient.create(server.endpointUrl(),
                    eps -> eps.stream().filter(e -> e.getSecurityPolicyUri().equals(SecurityPolicy.None.getUri())).findFirst(),
                    transport -> {
                    },
                    cfg -> cfg.setIdentityProvider(new UsernameProvider(opened.login().user(), opened.login().password())));
            client.connect();
            try {
                NodeId motor = new NodeId(server.namespaceIndex(), "Labs/" + session.id() + "/Devices/MOTOR/Value");
                assertThat(client.writeValues(List.of(motor), List.of(DataValue.valueOnly(new Variant(true))))
                        .getFirst().isGood()).isTrue();
                DataValue read = client.readValue(0, TimestampsToReturn.Neither, motor);
                assertThat(read.getValue().getValue()).isEqualTo(true);
                assertThat(io.netty.util.Version.identify().get("netty-common").artifactVersion()).startsWith("4.2");
            } finally {
                client.disconnect();
            }
        }
    }
}
