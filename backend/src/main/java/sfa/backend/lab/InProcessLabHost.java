package sfa.backend.lab;

import jakarta.annotation.PreDestroy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import sfa.backend.content.Content;
import sfa.backend.web.ApiProblem;
import sfa.lab.opcua.OpcUaLabServer;
import sfa.lab.plant.Command;
import sfa.lab.scenario.Grade;
import sfa.lab.session.Credentials;
import sfa.lab.session.LabSession;
import sfa.lab.session.LabSessions;

/**
 * Runs lab sessions in this JVM on the lab engine's one scheduler thread, and serves them over OPC UA
 * ({@code sfa.opcua.port}, default 4840; {@code sfa.opcua.enabled=false} serves none).
 */
@Component
class InProcessLabHost implements LabHost {

    private static final Logger log = LoggerFactory.getLogger(InProcessLabHost.class);

    private final LabSessions sessions;
    private final @Nullable OpcUaLabServer opcUa;

    InProcessLabHost(Content content, @Value("${sfa.opcua.enabled:true}") boolean opcUaEnabled,
            @Value("${sfa.opcua.port:4840}") int port, @Value("${sfa.opcua.hostname:localhost}") String hostname,
            @Value("${sfa.opcua.bind:0.0.0.0}") String bind, @Value("${sfa.data-dir:./data}") String dataDir,
            @Value("${sfa.labs.speed:1.0}") double speed, @Value("${sfa.cluster.node:}") String node) throws Exception {
        // on a cluster a session's id starts with its node's name, which a proxy routes by (docs/cluster.md)
        this.sessions = new LabSessions(content.labs(), speed, node.isEmpty() ? "" : node + "-");
        if (opcUaEnabled) {
            Path pki = dataDir.equals("memory") ? Files.createTempDirectory("sfa-opcua-pki") : Path.of(dataDir, "opcua-pki");
            char[] password = System.getenv().getOrDefault("SFA_OPCUA_KEYSTORE_PASSWORD", "labsim").toCharArray();
            this.opcUa = new OpcUaLabServer(new OpcUaLabServer.Config(pki, bind, hostname, port, true, password), sessions)
                    .start();
            log.info("OPC UA endpoint for students' clients: {}", opcUa.endpointUrl());
        } else {
            this.opcUa = null;
        }
    }

    @PreDestroy
    void stop() throws Exception {
        if (opcUa != null) {
            opcUa.close();
        }
        sessions.close();
    }

    @Override
    public Opened open(String labId, @Nullable String program, boolean sequence) {
        try {
            LabSessions.Opened o = program == null ? sessions.openExternal(labId)
                    : sessions.openProgram(labId, program, sequence);
            return new Opened(o.session(), o.login());
        } catch (LabSessions.ProgramRejected e) {
            throw rejected(e);
        }
    }

    @Override
    public Opened resume(String id, String labId, @Nullable String program, byte @Nullable [] snapshot, boolean sequence) {
        try {
            LabSessions.Opened o = sessions.resume(id, labId, program, snapshot, sequence);
            return new Opened(o.session(), o.login());
        } catch (LabSessions.ProgramRejected e) {
            throw rejected(e);
        }
    }

    private static ApiProblem rejected(LabSessions.ProgramRejected e) {
        return LabGrader.programProblem(e.diagnostics());
    }

    @Override
    public Optional<LabSession> session(String id) {
        return sessions.get(id);
    }

    private LabSession get(String id) {
        return sessions.get(id).orElseThrow(() -> ApiProblem.notFound("no live lab session '" + id + "'",
                "'" + id + "' 실습 세션이 없습니다"));
    }

    @Override
    public void command(String id, Action action) {
        LabSession s = get(id);
        switch (action) {
            case START -> s.start();
            case STOP -> s.stop();
            case RESET -> s.reset();
        }
    }

    @Override
    public void operate(String id, Command.Action action, String device, double value) {
        get(id).operate(action, device, value);
    }

    @Override
    public void force(String id, String input, @Nullable Integer value) {
        get(id).force(input, value);
    }

    @Override
    public Grade grade(String id) {
        return get(id).grade();
    }

    @Override
    public byte[] snapshot(String id) {
        return get(id).snapshot();
    }

    @Override
    public Credentials.Issued renewLogin(String id) {
        return sessions.renewLogin(id);
    }

    @Override
    public void close(String id) {
        sessions.close(id);
    }

    @Override
    public @Nullable String opcUaEndpoint() {
        return opcUa == null ? null : opcUa.endpointUrl();
    }

    @Override
    public void afterScan(Consumer<LabSession> listener) {
        sessions.afterScan(listener);
    }

    @Override
    public void onClose(Consumer<String> listener) {
        sessions.onClose(listener);
    }

    @Override
    public List<String> ids() {
        return sessions.all().stream().map(LabSession::id).toList();
    }

    @Override
    public LabSessions.Health schedulerHealth() {
        return sessions.health();
    }
}
