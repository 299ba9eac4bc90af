package sfa.lab.cli;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import sfa.lab.opcua.OpcUaLabServer;
import sfa.lab.scenario.Catalog;
import sfa.lab.session.LabSessions;
import sfa.lab.session.SessionException;

/**
 * {@code labsim serve}: one lab over OPC UA for a student's own client (or a class of them), printing
 * the endpoint and each session's login. Runs until 'quit' is typed or the process is stopped.
 */
final class ServeCommand {

    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;

    ServeCommand(PrintStream out, PrintStream err, InputStream in) {
        this.out = out;
        this.err = err;
        this.in = in;
    }

    int run(String[] args) throws Exception {
        List<String> rest = new ArrayList<>(List.of(args));
        boolean external = rest.remove("--external");
        Options o = new Options(rest.toArray(String[]::new), 1,
                Set.of("lab", "program", "port", "sessions", "pki", "host", "bind", "security-none"), "serve");
        String labId = o.require("lab", "conveyor-self-hold");
        String programFile = o.get("program");
        if (external == (programFile != null)) {
            throw new UsageException("serve needs either --program prog.st or --external (the student's own client writes the outputs)");
        }
        int port = (int) o.getLong("port", 4840, 1, 65535);
        int count = (int) o.getLong("sessions", 1, 1, 500);
        String noneOption = o.get("security-none");
        if (noneOption != null && !noneOption.equals("on") && !noneOption.equals("off")) {
            throw new UsageException("--security-none takes on or off, not '" + noneOption + "'");
        }
        boolean allowNone = !"off".equals(noneOption);
        String host = o.get("host") == null ? "localhost" : o.get("host");
        String bind = o.get("bind") == null ? "0.0.0.0" : o.get("bind");
        Path pki = Path.of(o.get("pki") == null ? System.getProperty("user.home") + "/.sfa/labsim-pki" : o.get("pki"));
        String source = programFile == null ? null : StCommands.source(programFile);

        LabSessions sessions = new LabSessions(Catalog.standard());
        List<LabSessions.Opened> opened = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                opened.add(source == null ? sessions.openExternal(labId) : sessions.openProgram(labId, source));
            }
        } catch (SessionException e) {
            sessions.close();
            throw new UsageException(e.english() + " / " + e.korean());
        } catch (LabSessions.ProgramRejected e) {
            sessions.close();
            StCommands.print(programFile, source, e.diagnostics(), err);
            return Labsim.BAD_INPUT;
        }
        OpcUaLabServer server = new OpcUaLabServer(
                new OpcUaLabServer.Config(pki, bind, host, port, allowNone, "labsim".toCharArray()), sessions);
        server.onRejectedClient(r -> {
            out.println("! " + r.korean());
            out.println("! " + r.english());
        });
        sessions.audit().onEntry(e -> {
            if (!e.action().equals("read") && !e.action().equals("browse")) {
                out.println("audit: " + e);
            }
        });
        try {
            server.start();
        } catch (Exception e) {
            sessions.close();
            server.close();
            throw new UsageException("cannot serve on port " + port + " (" + e.getMessage() + "); is another server using it? "
                    + "Try --port 4841 / 포트를 바꿔 보세요");
        }
        out.println("OPC UA endpoint / 엔드포인트: " + server.endpointUrl());
        out.println("security / 보안: Basic256Sha256 Sign, SignAndEncrypt" + (allowNone ? ", None" : "")
                + "; user name + password / 사용자 이름 + 비밀번호");
        out.println("server certificate and trusted/rejected client certificates / 인증서 폴더: " + pki.toAbsolutePath());
        out.println("namespace / 네임스페이스: ns=" + server.namespaceIndex() + " (urn:smart-factory-academy:labs)");
        for (LabSessions.Opened s : opened) {
            out.println("session / 세션 " + s.session().id() + "  user / 사용자: " + s.login().user()
                    + "  password / 비밀번호: " + s.login().password());
            out.println("  nodes / 노드: Objects/Labs/" + s.session().id()
                    + "/{Devices, IoImage, Program, Start, Stop, Reset, Grade}");
        }
        out.println("call Start to run the lab's test sequence, Grade for the verdict; type 'quit' to stop / "
                + "Start로 시험 순서를 실행하고 Grade로 채점합니다. 끝내려면 quit");

        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            shutdown(server, sessions);
            done.countDown();
        });
        Runtime.getRuntime().addShutdownHook(hook);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line; (line = reader.readLine()) != null; ) {
            if (line.strip().equals("quit")) {
                Runtime.getRuntime().removeShutdownHook(hook);
                shutdown(server, sessions);
                return Labsim.OK;
            }
        }
        // No console (started in the background): serve until the process is stopped.
        done.await();
        return Labsim.OK;
    }

    private void shutdown(OpcUaLabServer server, LabSessions sessions) {
        try {
            server.close();
        } catch (Exception e) {
            err.println("labsim: stopping the OPC UA server: " + e.getMessage());
        }
        sessions.close();
    }
}
