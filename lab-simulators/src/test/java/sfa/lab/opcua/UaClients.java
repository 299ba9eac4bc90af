package sfa.lab.opcua;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.IdentityProvider;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseDirection;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseResultMask;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseResult;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;

/** A student's OPC UA client, made with Milo's client SDK, for the tests. */
final class UaClients {

    private UaClients() {
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** A client application's own certificate (self-signed, SAN URI = its application URI). */
    record ClientCert(KeyPair keyPair, X509Certificate certificate, String applicationUri) {

        static ClientCert create(String name) throws Exception {
            KeyPair kp = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
            String uri = "urn:student:" + name;
            X509Certificate cert = new SelfSignedCertificateBuilder(kp).setCommonName(name).setApplicationUri(uri)
                    .addDnsName("localhost").build();
            return new ClientCert(kp, cert, uri);
        }

        /** What a teacher does: put the certificate into the server's trusted folder. */
        void trustOn(OpcUaLabServer server) throws Exception {
            Files.write(server.trustedDir().resolve(applicationUri.replace(':', '_') + ".der"), certificate.getEncoded());
        }
    }

    static OpcUaClient connect(String url, SecurityPolicy policy, MessageSecurityMode mode, IdentityProvider identity,
            ClientCert cert, String... locales) throws UaException {
        OpcUaClient client = OpcUaClient.create(url,
                endpoints -> endpoints.stream()
                        .filter(e -> e.getSecurityPolicyUri().equals(policy.getUri()) && e.getSecurityMode() == mode)
                        .findFirst(),
                transport -> {
                },
                cfg -> cfg.setSessionLocaleIds(locales.length == 0 ? new String[] {"en"} : locales)
                        .setApplicationName(LocalizedText.english("student client"))
                        .setApplicationUri(cert.applicationUri())
                        .setKeyPair(cert.keyPair())
                        .setCertificate(cert.certificate())
                        .setCertificateChain(new X509Certificate[] {cert.certificate()})
                        .setIdentityProvider(identity)
                        // the test trusts the server it started; a real client checks it against its trust list
                        .setCertificateValidator((chain, uri, hostnames) -> {
                        })
                        .setRequestTimeout(uint(10_000)));
        return client.connect();
    }

    /** The StatusCode of the first UaException in the cause chain. */
    static Optional<StatusCode> statusOf(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof UaException ue) {
                return Optional.of(ue.getStatusCode());
            }
        }
        return Optional.empty();
    }

    static BrowseResult browse(OpcUaClient client, NodeId nodeId) throws UaException {
        return client.browse(new BrowseDescription(nodeId, BrowseDirection.Forward, NodeIds.HierarchicalReferences, true,
                uint(0), uint(BrowseResultMask.All.getValue())));
    }

    static List<String> names(BrowseResult r) {
        List<String> names = new ArrayList<>();
        if (r.getReferences() != null) {
            for (var ref : r.getReferences()) {
                names.add(ref.getBrowseName().name());
            }
        }
        return names;
    }

}
