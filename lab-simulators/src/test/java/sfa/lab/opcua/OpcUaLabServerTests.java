package sfa.lab.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.structured.EUInformation;
import org.eclipse.milo.opcua.stack.core.types.structured.Range;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sfa.lab.scenario.Catalog;
import sfa.lab.session.Audit;
import sfa.lab.session.LabSession;
import sfa.lab.session.LabSessions;

class OpcUaLabServerTests {

    @TempDir
    static Path pki;

    static LabSessions sessions;
    static OpcUaLabServer server;
    static UaClients.ClientCert trusted;
    static sfa.lab.session.Scans scans;

    @BeforeAll
    static void startServer() throws Exception {
        // ten times real time, so a part reaches the sensor within a second or two
        sessions = new LabSessions(Catalog.standard(), 10);
        scans = new sfa.lab.session.Scans(sessions);
        server = new OpcUaLabServer(OpcUaLabServer.Config.local(pki, UaClients.freePort()), sessions).start();
        trusted = UaClients.ClientCert.create("trusted-hmi");
        trusted.trustOn(server);
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
        sessions.close();
    }

    private static OpcUaClient login(LabSessions.Opened s, String... locales) throws Exception {
        return UaClients.connect(server.endpointUrl(), SecurityPolicy.Basic256Sha256, MessageSecurityMode.SignAndEncrypt,
                new UsernameProvider(s.login().user(), s.login().password()), trusted, locales);
    }

    private static NodeId node(LabSession s, String path) {
        return new NodeId(server.namespaceIndex(), "Labs/" + s.id() + "/" + path);
    }

    private static CallMethodResult call(OpcUaClient c, LabSession s, String method) throws Exception {
        NodeId object = new NodeId(server.namespaceIndex(), "Labs/" + s.id());
        return c.call(List.of(new CallMethodRequest(object, node(s, method), new Variant[0]))).getResults()[0];
    }

    private static StatusCode write(OpcUaClient c, NodeId id, Object value) throws Exception {
        return c.writeValues(List.of(id), List.of(DataValue.valueOnly(new Variant(value)))).getFirst();
    }

    /** Waits for a state of the running sessions, checked after each scan. */
    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        scans.await(what, condition);
    }

    private static <T> T within20s(java.util.concurrent.CompletableFuture<T> event) throws Exception {
        return event.get(20, java.util.concurrent.TimeUnit.SECONDS);
    }

    @Test
    void aStudentsClientSeesThePhotoSensorGoTrueWhenAPartArrives() throws Exception {
        LabSessions.Opened s = sessions.openExternal("sorting-metal");
        OpcUaClient client = login(s);
        try {
            OpcUaSubscription sub = new OpcUaSubscription(client, 10.0);
            sub.create();
            List<Boolean> seen = new CopyOnWriteArrayList<>();
            var partSeen = new java.util.concurrent.CompletableFuture<Void>();
            OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(node(s.session(), "Devices/AT_PUSHER/Value"));
            item.setSamplingInterval(10.0);
            item.setDataValueListener((i, v) -> {
                seen.add((Boolean) v.getValue().getValue());
                if (Boolean.TRUE.equals(v.getValue().getValue())) {
                    partSeen.complete(null);
                }
            });
            sub.addMonitoredItems(List.of(item));
            sub.synchronizeMonitoredItems();
            assertThat(item.getCreateResult().orElseThrow().isGood()).isTrue();

            assertThat(call(client, s.session(), "Start").getStatusCode().isGood()).isTrue();
            assertThat(write(client, node(s.session(), "Devices/CONVEYOR/Value"), true).isGood()).isTrue();

            within20s(partSeen); // the client is told the photo sensor sees a part
            assertThat(seen.getFirst()).as("the first notification is the initial value").isFalse();
            sub.delete();

            // what a teacher grading "connect your HMI" reads: how it connected, that it subscribed, what it did
            List<Audit.Entry> audit = sessions.audit().of(s.session().id());
            assertThat(audit).extracting(Audit.Entry::action)
                    .contains("session-activated", "create-monitored-items", "call", "write");
            assertThat(audit).filteredOn(e -> e.action().equals("session-activated"))
                    .allSatisfy(e -> assertThat(e.client()).contains("Basic256Sha256/SignAndEncrypt"));
            assertThat(audit).filteredOn(e -> e.action().equals("write"))
                    .anySatisfy(e -> assertThat(e.detail()).contains("Devices/CONVEYOR/Value=Good"));
        } finally {
            client.disconnect();
            sessions.close(s.session().id());
        }
    }

    @Test
    void writingConveyorOverOpcUaReachesThePlantAtTheNextScanAndTheAddressShowsIt() throws Exception {
        LabSessions.Opened s = sessions.openExternal("sorting-metal");
        LabSession session = s.session();
        OpcUaClient client = login(s);
        try {
            call(client, session, "Start");
            assertThat(write(client, node(session, "IoImage/%QX0.0"), true).isGood()).isTrue();

            await("the plant's conveyor output is on", () -> session.status().value(session.point("CONVEYOR")) == 1);
            DataValue byName = client.readValue(0, TimestampsToReturn.Neither, node(session, "Devices/CONVEYOR/Value"));
            assertThat(byName.getValue().getValue()).isEqualTo(true);
            StatusCode input = write(client, node(session, "Devices/START/Value"), true);
            assertThat(input.value()).as("an input is the plant's, not the client's").isEqualTo(StatusCodes.Bad_UserAccessDenied);
        } finally {
            client.disconnect();
            sessions.close(session.id());
        }
    }

    @Test
    void sessionBsPasswordCannotReadWriteOrCallSessionA() throws Exception {
        LabSessions.Opened a = sessions.openExternal("conveyor-self-hold");
        LabSessions.Opened b = sessions.openExternal("conveyor-self-hold");
        OpcUaClient client = login(b);
        try {
            DataValue read = client.readValue(0, TimestampsToReturn.Neither, node(a.session(), "Devices/START/Value"));
            StatusCode wrote = write(client, node(a.session(), "Devices/MOTOR/Value"), true);
            CallMethodResult started = call(client, a.session(), "Start");
            List<String> visible = UaClients.names(UaClients.browse(client, new NodeId(server.namespaceIndex(), "Labs")));

            assertThat(read.getStatusCode().value()).isEqualTo(StatusCodes.Bad_UserAccessDenied);
            assertThat(wrote.value()).isEqualTo(StatusCodes.Bad_UserAccessDenied);
            assertThat(started.getStatusCode().value()).isEqualTo(StatusCodes.Bad_UserAccessDenied);
            assertThat(a.session().status().running()).isFalse();
            assertThat(visible).containsExactly(b.session().id());
            DataValue own = client.readValue(0, TimestampsToReturn.Neither, node(b.session(), "Devices/START/Value"));
            assertThat(own.getStatusCode().isGood()).isTrue();
        } finally {
            client.disconnect();
            sessions.close(a.session().id());
            sessions.close(b.session().id());
        }
    }

    @Test
    void aWrongPasswordIsRefusedAndLogged() throws Exception {
        LabSessions.Opened s = sessions.openExternal("conveyor-self-hold");
        String user = s.login().user();

        assertThatThrownBy(() -> UaClients.connect(server.endpointUrl(), SecurityPolicy.Basic256Sha256,
                MessageSecurityMode.SignAndEncrypt, new UsernameProvider(user, "guess"), trusted))
                .satisfies(e -> assertThat(UaClients.statusOf(e)).hasValueSatisfying(
                        sc -> assertThat(sc.value()).isEqualTo(StatusCodes.Bad_UserAccessDenied)));

        assertThat(sessions.audit().of(user)).extracting(Audit.Entry::action).contains("login-failed");
        assertThat(sessions.audit().of(user)).filteredOn(e -> e.action().equals("login-failed"))
                .singleElement().satisfies(e -> assertThat(e.client()).contains("Basic256Sha256"));
        sessions.close(s.session().id());
    }

    // #15: a client could try passwords as fast as the server answered
    @Test
    void aClientThatKeepsGuessingIsLockedOutEvenWithTheRightPasswordAndTheLockOutIsAudited() throws Exception {
        LabSessions.Opened s = sessions.openExternal("conveyor-self-hold");
        String user = s.login().user();
        for (int i = 0; i <= sfa.lab.session.Credentials.FREE_FAILURES; i++) {
            String guess = "guess" + i;
            assertThatThrownBy(() -> UaClients.connect(server.endpointUrl(), SecurityPolicy.Basic256Sha256,
                    MessageSecurityMode.SignAndEncrypt, new UsernameProvider(user, guess), trusted))
                    .satisfies(e -> assertThat(UaClients.statusOf(e)).hasValueSatisfying(
                            sc -> assertThat(sc.value()).isEqualTo(StatusCodes.Bad_UserAccessDenied)));
        }

        assertThatThrownBy(() -> login(s)).satisfies(e -> assertThat(UaClients.statusOf(e))
                .hasValueSatisfying(sc -> assertThat(sc.value()).isEqualTo(StatusCodes.Bad_UserAccessDenied)));

        assertThat(sessions.audit().of(user)).extracting(Audit.Entry::action)
                .containsSubsequence("login-failed", "login-locked", "login-too-soon", "login-failed")
                .filteredOn(a -> a.equals("login-failed")).hasSize(sfa.lab.session.Credentials.FREE_FAILURES + 2);
        // the teacher's way out: a new password, not locked
        LabSessions.Opened renewed = new LabSessions.Opened(s.session(), sessions.renewLogin(s.session().id()));
        login(renewed).disconnect();
        sessions.close(s.session().id());
    }

    @Test
    void everyEndpointAsksForAUserNameAndNoneOffersAnonymousAccess() throws Exception {
        var endpoints = org.eclipse.milo.opcua.sdk.client.DiscoveryClient.getEndpoints(server.endpointUrl()).get();

        assertThat(endpoints).extracting(e -> e.getSecurityPolicyUri().substring(e.getSecurityPolicyUri().indexOf('#') + 1)
                + "/" + e.getSecurityMode()).containsExactlyInAnyOrder("Basic256Sha256/SignAndEncrypt",
                        "Basic256Sha256/Sign", "None/None");
        assertThat(endpoints).allSatisfy(e -> assertThat(e.getUserIdentityTokens()).extracting(t -> t.getTokenType())
                .containsExactly(org.eclipse.milo.opcua.stack.core.types.enumerated.UserTokenType.UserName));
    }

    @Test
    void switchingSecurityNoneOffLeavesOnlyTheSignedEndpoints() throws Exception {
        Path otherPki = pki.resolveSibling(pki.getFileName() + "-strict");
        try (LabSessions other = new LabSessions(Catalog.standard());
                OpcUaLabServer strict = new OpcUaLabServer(new OpcUaLabServer.Config(otherPki, "127.0.0.1", "localhost",
                        UaClients.freePort(), false, "labsim".toCharArray()), other).start()) {
            var endpoints = org.eclipse.milo.opcua.sdk.client.DiscoveryClient.getEndpoints(strict.endpointUrl()).get();
            assertThat(endpoints).extracting(e -> e.getSecurityMode())
                    .containsOnly(MessageSecurityMode.Sign, MessageSecurityMode.SignAndEncrypt);
        }
    }

    @Test
    void aClosedSessionsLoginNoLongerConnects() throws Exception {
        LabSessions.Opened s = sessions.openExternal("conveyor-self-hold");
        sessions.close(s.session().id());

        assertThatThrownBy(() -> login(s)).satisfies(e -> assertThat(UaClients.statusOf(e))
                .hasValueSatisfying(sc -> assertThat(sc.value()).isEqualTo(StatusCodes.Bad_UserAccessDenied)));
    }

    @Test
    void anUntrustedClientCertificateIsRejectedWithAMessageSayingWhatToDo() throws Exception {
        LabSessions.Opened s = sessions.openExternal("conveyor-self-hold");
        UaClients.ClientCert stranger = UaClients.ClientCert.create("new-hmi");
        var rejected = new java.util.concurrent.CompletableFuture<RejectedClient>();
        server.onRejectedClient(rejected::complete);

        assertThatThrownBy(() -> UaClients.connect(server.endpointUrl(), SecurityPolicy.Basic256Sha256,
                MessageSecurityMode.SignAndEncrypt, new UsernameProvider(s.login().user(), s.login().password()), stranger))
                .satisfies(e -> assertThat(UaClients.statusOf(e)).hasValueSatisfying(
                        sc -> assertThat(sc.value()).isEqualTo(StatusCodes.Bad_SecurityChecksFailed)));

        RejectedClient r = within20s(rejected);
        assertThat(r.applicationUri()).isEqualTo("urn:student:new-hmi");
        assertThat(Files.exists(r.file())).as("the certificate waits in rejected/ for a teacher").isTrue();
        assertThat(r.english()).contains("Ask your teacher to move").contains(server.trustedDir().toString());
        assertThat(r.korean()).contains("선생님께");

        // The teacher trusts it: the same client now connects, without a restart.
        Files.move(r.file(), server.trustedDir().resolve(r.file().getFileName()));
        // The server's trust list notices the file on its own; the client simply tries again, as a student would.
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        boolean connected = false;
        while (!connected && System.nanoTime() < end) {
            try {
                UaClients.connect(server.endpointUrl(), SecurityPolicy.Basic256Sha256, MessageSecurityMode.SignAndEncrypt,
                        new UsernameProvider(s.login().user(), s.login().password()), stranger).disconnect();
                connected = true;
            } catch (Exception e) {
                // not trusted yet: try again
            }
        }
        assertThat(connected).as("the trusted client connects").isTrue();
        sessions.close(s.session().id());
    }

    @Test
    void gradeOverOpcUaReturnsTheGradersJsonVerdict() throws Exception {
        LabSessions.Opened s = sessions.openExternal("conveyor-self-hold");
        OpcUaClient client = login(s);
        try {
            CallMethodResult early = call(client, s.session(), "Grade");
            assertThat(early.getStatusCode().isGood()).isTrue();
            assertThat((String) early.getOutputArguments()[0].getValue())
                    .contains("\"passed\":false").contains("Start the session and wait 20 s more");
        } finally {
            client.disconnect();
            sessions.close(s.session().id());
        }
    }

    @Test
    void anAnalogDeviceGivesItsValueInEngineeringUnitsWithItsRangeAndAKoreanDescriptionForAKoreanClient()
            throws Exception {
        LabSessions.Opened s = sessions.openExternal("tank-level");
        OpcUaClient client = login(s, "ko-KR");
        try {
            var description = client.read(0, TimestampsToReturn.Neither, List.of(
                    new org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId(node(s.session(), "Devices/LEVEL"),
                            org.eclipse.milo.opcua.stack.core.AttributeId.Description.uid(), null,
                            org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName.NULL_VALUE))).getResults()[0];
            assertThat(((org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText) description.getValue().getValue())
                    .text()).startsWith("수위 전송기");
            NodeId level = node(s.session(), "Devices/LEVEL/EngineeringValue");
            Object units = client.readValue(0, TimestampsToReturn.Neither, node(s.session(),
                    "Devices/LEVEL/EngineeringValue/EngineeringUnits")).getValue().getValue();
            Object range = client.readValue(0, TimestampsToReturn.Neither, node(s.session(),
                    "Devices/LEVEL/EngineeringValue/EURange")).getValue().getValue();
            EUInformation eu = (EUInformation) ((ExtensionObject) units).decode(client.getStaticEncodingContext());
            Range r = (Range) ((ExtensionObject) range).decode(client.getStaticEncodingContext());

            assertThat(eu.getDisplayName().text()).isEqualTo("m");
            assertThat(eu.getUnitId()).as("UNECE code MTR").isEqualTo(('M' << 16) | ('T' << 8) | 'R');
            assertThat(r.getLow()).isEqualTo(0.0);
            assertThat(r.getHigh()).isEqualTo(1.0);

            call(client, s.session(), "Start");
            assertThat(write(client, node(s.session(), "Devices/PUMP/Value"), true).isGood()).isTrue();
            await("the level rises above 5 cm", () -> {
                try {
                    double m = (Double) client.readValue(0, TimestampsToReturn.Neither, level).getValue().getValue();
                    int raw = s.session().status().value(s.session().point("LEVEL"));
                    return m > 0.05 && Math.abs(m - raw / 16000.0) < 0.01;
                } catch (Exception e) {
                    return false;
                }
            });
        } finally {
            client.disconnect();
            sessions.close(s.session().id());
        }
    }

    @Test
    void theSameServerCertificateIsKeptAcrossRestarts() throws Exception {
        Path own = pki.resolve("own").resolve("server.pfx");
        assertThat(own).exists();
        byte[] before = server.certificate().getEncoded();
        try (LabSessions other = new LabSessions(Catalog.standard());
                OpcUaLabServer again = new OpcUaLabServer(OpcUaLabServer.Config.local(pki, UaClients.freePort()), other)) {
            assertThat(again.certificate().getEncoded()).isEqualTo(before);
        }
    }
}
