package sfa.lab.opcua;

import java.net.InetAddress;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.RoleMapper;
import org.eclipse.milo.opcua.sdk.server.identity.Identity;
import org.eclipse.milo.opcua.sdk.server.identity.UsernameIdentityValidator;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.BuildInfo;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;
import sfa.lab.session.LabSession;
import sfa.lab.session.LabSessions;

/**
 * The OPC UA server of a lab room: every session of a {@link LabSessions} registry appears under
 * {@code Objects/Labs/<sessionId>} while it is open. Endpoints (one port, path {@value #PATH}):
 * Basic256Sha256 Sign and SignAndEncrypt, and None unless switched off; user name and password only,
 * the session's own login (no anonymous access). The server certificate is generated on first start
 * into {@code <pki>/own} and kept; unknown client certificates are written to {@code <pki>/rejected}
 * until a teacher moves them to {@code <pki>/trusted/certs} (no restart needed).
 */
public final class OpcUaLabServer implements AutoCloseable {

    public static final String PATH = "/lab";
    public static final String APPLICATION_URI = "urn:smart-factory-academy:labsim";

    /**
     * @param bindAddress where to listen ("0.0.0.0" for the classroom, "127.0.0.1" for tests)
     * @param hostname the name clients connect to, in the endpoint URL and the certificate
     * @param allowNone offer the unsecured endpoint (a closed classroom LAN) as well
     * @param keyStorePassword protects {@code own/server.pfx}
     */
    public record Config(Path pkiDir, String bindAddress, String hostname, int port, boolean allowNone,
            char[] keyStorePassword) {

        public static Config local(Path pkiDir, int port) {
            return new Config(pkiDir, "127.0.0.1", "localhost", port, true, "labsim".toCharArray());
        }
    }

    private final Config config;
    private final LabSessions sessions;
    private final ServerPki pki;
    private final OpcUaServer server;
    private final LabNamespace namespace;
    private volatile boolean started;
    private final Map<String, SessionBinding> bindings = new ConcurrentHashMap<>();
    private final List<java.util.function.Consumer<RejectedClient>> rejectedListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    public OpcUaLabServer(Config config, LabSessions sessions) throws Exception {
        this.config = config;
        this.sessions = sessions;
        List<String> dns = new ArrayList<>(List.of("localhost", config.hostname()));
        try {
            dns.add(InetAddress.getLocalHost().getHostName());
        } catch (java.io.IOException e) {
            // no host name: localhost and the configured name are enough
        }
        pki = ServerPki.createAndInitialize(config.pkiDir(), APPLICATION_URI, "Smart Factory Academy labsim",
                dns.stream().distinct().toList(), List.of("127.0.0.1"), config.keyStorePassword(), this::rejected);

        // Milo calls this on the server's shared executor: a login locked after wrong passwords is refused at
        // once (Bad_UserAccessDenied), never made to wait on that thread (Credentials).
        var identities = new UsernameIdentityValidator(
                challenge -> sessions.credentials().authenticate(challenge.getUsername(), challenge.getPassword())
                        .isPresent());
        // Each user (a session id) gets one role; only that role may touch the session's nodes.
        RoleMapper roles = identity -> identity instanceof Identity.UsernameIdentity u
                ? List.of(roleOf(u.getUsername()))
                : List.of();

        OpcUaServerConfig serverConfig = OpcUaServerConfig.builder()
                .setApplicationUri(APPLICATION_URI)
                .setApplicationName(LocalizedText.english("Smart Factory Academy labsim"))
                .setProductUri("urn:smart-factory-academy")
                .setBuildInfo(new BuildInfo("urn:smart-factory-academy", "Smart Factory Academy", "labsim",
                        OpcUaServer.SDK_VERSION, "", DateTime.now()))
                .setCertificateManager(pki.certificateManager())
                .setIdentityValidator(identities)
                .setRoleMapper(roles)
                .setEndpoints(endpoints(pki.serverCertificate()))
                .setLimits(new Limits())
                .build();
        server = new OpcUaServer(serverConfig,
                profile -> new OpcTcpServerTransport(OpcTcpServerTransportConfig.newBuilder().build()));
        AuditingServiceSets.install(server, PATH, sessions.audit(), true);
        namespace = new LabNamespace(server);
    }

    private void rejected(X509Certificate certificate) {
        RejectedClient r = RejectedClient.of(certificate, pki.rejectedDir(), pki.trustedCertsDir());
        sessions.audit().record("-", r.applicationUri(), "certificate-rejected", r.english());
        rejectedListeners.forEach(l -> l.accept(r));
    }

    /** Called with every client refused for an untrusted certificate (labsim serve prints the advice). */
    public void onRejectedClient(java.util.function.Consumer<RejectedClient> listener) {
        rejectedListeners.add(listener);
    }

    /**
     * Milo's default allows 100 client sessions; a room of 30 students with an HMI and a script each, or a
     * region's server, needs more. Measured in docs/benchmarks.md with 300.
     */
    private static final class Limits implements org.eclipse.milo.opcua.sdk.server.OpcUaServerConfigLimits {
        @Override
        public org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger getMaxSessions() {
            return org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint(2_000);
        }
    }

    /** Called only once the server runs, after the namespace exists. */
    private org.eclipse.milo.opcua.stack.core.types.builtin.NodeId roleOf(String user) {
        return namespace.roleIdForUser(user);
    }

    private Set<EndpointConfig> endpoints(X509Certificate certificate) {
        EndpointConfig.Builder base = EndpointConfig.newBuilder()
                .setBindAddress(config.bindAddress())
                .setBindPort(config.port())
                .setHostname(config.hostname())
                .setPath(PATH)
                .setCertificate(certificate)
                // Without a token policy Milo would fall back to anonymous access.
                .addTokenPolicies(OpcUaServerConfig.USER_TOKEN_POLICY_USERNAME);
        Set<EndpointConfig> out = new LinkedHashSet<>();
        out.add(base.copy().setSecurityPolicy(SecurityPolicy.Basic256Sha256)
                .setSecurityMode(MessageSecurityMode.SignAndEncrypt).build());
        out.add(base.copy().setSecurityPolicy(SecurityPolicy.Basic256Sha256)
                .setSecurityMode(MessageSecurityMode.Sign).build());
        if (config.allowNone()) {
            out.add(base.copy().setSecurityPolicy(SecurityPolicy.None).setSecurityMode(MessageSecurityMode.None)
                    .build());
        }
        return out;
    }

    /** Starts listening and publishes the sessions that are open, and from now on those opened later. */
    public OpcUaLabServer start() throws Exception {
        namespace.startup();
        server.startup().get(30, TimeUnit.SECONDS);
        started = true;
        sessions.afterScan(this::publish);
        sessions.onOpen(this::bind);
        sessions.onClose(this::unbind);
        sessions.all().forEach(this::bind);
        return this;
    }

    private void bind(LabSession session) {
        bindings.computeIfAbsent(session.id(), id -> new SessionBinding(namespace, session));
    }

    private void unbind(String sessionId) {
        SessionBinding b = bindings.remove(sessionId);
        if (b != null) {
            namespace.removeSession(sessionId);
        }
    }

    private void publish(LabSession session) {
        SessionBinding b = bindings.get(session.id());
        if (b != null) {
            b.publish(session.status());
        }
    }

    public String endpointUrl() {
        return "opc.tcp://" + config.hostname() + ":" + config.port() + PATH;
    }

    public Path rejectedDir() {
        return pki.rejectedDir();
    }

    public Path trustedDir() {
        return pki.trustedCertsDir();
    }

    public X509Certificate certificate() {
        return pki.serverCertificate();
    }

    /** The namespace index clients need for the session nodes ({@code ns=<index>;s=Labs/<id>/...}). */
    public int namespaceIndex() {
        return namespace.getNamespaceIndex().intValue();
    }

    @Override
    public void close() throws Exception {
        try {
            if (started) {
                server.shutdown().get(30, TimeUnit.SECONDS);
                namespace.shutdown();
            }
        } finally {
            pki.close();
        }
    }
}
