package sfa.lab.opcua;

import java.util.List;
import java.util.Map;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import sfa.lab.plant.IoPoint;
import sfa.lab.plc.Address;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.structured.EUInformation;
import org.eclipse.milo.opcua.stack.core.types.structured.Range;
import sfa.lab.scenario.Grade;
import sfa.lab.scenario.LabSpec;
import sfa.lab.session.LabSession;
import sfa.lab.session.SessionException;
import sfa.lab.sim.Json;

/**
 * One live session as OPC UA nodes, owned by the session's login:
 *
 * <pre>
 * Labs/&lt;id&gt;/Lab, Title              the lab id and its title (ko / en)
 * Labs/&lt;id&gt;/Devices/&lt;NAME&gt;/       a folder per device of the I/O map, described in Korean and English:
 *                                   Value, Address, and for a scaled analog point EngineeringValue
 *                                   (Double, with EngineeringUnits and EURange)
 * Labs/&lt;id&gt;/IoImage/%IX0.0 …          the same values by address: Boolean bits, Int16 words
 * Labs/&lt;id&gt;/Program/Kind, Mode, Running, ScanCount, TimeMs, LastError
 * Labs/&lt;id&gt;/Start, Stop, Reset, Grade  methods; Grade returns the grader's JSON verdict
 * </pre>
 *
 * In an external session the outputs (%QX, %QW) are writable and a write reaches the plant at the next
 * scan; inputs are read-only. Values are published after each scan, only those that changed.
 */
final class SessionBinding {

    private final LabSession session;
    private final SessionNodes nodes;
    private final UaVariableNode[] devices;
    private final UaVariableNode[] image;
    /** The EngineeringValue of analog points whose spec gives a scale, else null. */
    private final UaVariableNode[] scaled;
    private final LabSpec.@org.jspecify.annotations.Nullable Scale[] scaleOf;
    private static final String UNECE = "http://www.opcfoundation.org/UA/units/un/cefact";
    private final boolean[] words;
    private final int[] published;
    private final UaVariableNode mode;
    private final UaVariableNode running;
    private final UaVariableNode scans;
    private final UaVariableNode time;
    private final UaVariableNode lastError;
    private String publishedMode = "";
    private String publishedError = "";
    private boolean publishedRunning;

    SessionBinding(LabNamespace namespace, LabSession session) {
        this.session = session;
        this.nodes = namespace.addSession(session.id(), session.id());
        List<IoPoint> points = session.points();
        devices = new UaVariableNode[points.size()];
        image = new UaVariableNode[points.size()];
        words = new boolean[points.size()];
        published = new int[points.size()];
        boolean external = session.mode() == LabSession.Mode.EXTERNAL;

        nodes.addVariable(constant("Lab", session.lab().id(), "실습 id", "lab id"));
        nodes.addVariable(constant("Title", session.lab().titleKo() + " / " + session.lab().titleEn(), "실습 제목",
                "lab title"));
        nodes.addFolder("Devices");
        nodes.addFolder("IoImage");
        nodes.addFolder("Program");
        LabSession.Status status = session.status();
        Map<String, LabSpec.Scale> scales = new java.util.HashMap<>();
        for (LabSpec.Io io : session.lab().spec().io()) {
            if (io.scale() != null) {
                scales.put(io.name(), io.scale());
            }
        }
        scaled = new UaVariableNode[points.size()];
        scaleOf = new LabSpec.Scale[points.size()];
        for (int i = 0; i < points.size(); i++) {
            IoPoint p = points.get(i);
            Address a = p.address();
            words[i] = !a.area().isBit();
            boolean writable = external && !a.area().isInput();
            int index = i;
            WriteHook hook = writable ? (s, v) -> write(index, v) : null;
            Object initial = value(i, status.value(i));
            String direction = a.area().isInput() ? "입력" : "출력";
            String directionEn = a.area().isInput() ? "input" : "output";
            String folder = "Devices/" + p.name();
            nodes.addFolder(folder, p.deviceKo() + " (" + a + ", " + direction + ")",
                    p.deviceEn() + " (" + a + ", " + directionEn + ")");
            devices[i] = nodes.addVariable(new SessionNodes.VariableSpec(folder + "/Value",
                    words[i] ? NodeIds.Int16 : NodeIds.Boolean, initial,
                    p.name() + " 값 (" + (words[i] ? "raw 정수" : "참/거짓") + (writable ? ", 쓰기 가능" : ", 읽기 전용") + ")",
                    p.name() + " value (" + (words[i] ? "raw integer" : "true/false") + (writable ? ", writable" : ", read-only") + ")",
                    null, hook));
            nodes.addVariable(constant(folder + "/Address", a.toString(), "PLC 주소", "PLC address"));
            LabSpec.Scale scale = scales.get(p.name());
            if (scale != null) {
                scaleOf[i] = scale;
                scaled[i] = nodes.addVariable(new SessionNodes.VariableSpec(folder + "/EngineeringValue", NodeIds.Double,
                        scale.apply(status.value(i)),
                        "공학 단위 값 (" + scale.unit().symbol() + "), raw " + scale.rawMin() + "…" + scale.rawMax() + " = "
                                + plain(scale.min()) + "…" + plain(scale.max()) + " " + scale.unit().symbol(),
                        "value in engineering units (" + scale.unit().symbol() + "), raw " + scale.rawMin() + "…"
                                + scale.rawMax() + " = " + plain(scale.min()) + "…" + plain(scale.max()) + " "
                                + scale.unit().symbol(),
                        new EUInformation(UNECE, scale.unit().unitId(), LocalizedText.english(scale.unit().symbol()),
                                LocalizedText.english(scale.unit().description())),
                        null));
                nodes.addRange(folder + "/EngineeringValue", new Range(Math.min(scale.min(), scale.max()),
                        Math.max(scale.min(), scale.max())));
            }
            image[i] = nodes.addVariable(new SessionNodes.VariableSpec("IoImage/" + a, words[i] ? NodeIds.Int16
                    : NodeIds.Boolean, initial, p.name() + ": " + p.deviceKo(), p.name() + ": " + p.deviceEn(), null,
                    hook));
            published[i] = status.value(i);
        }
        nodes.addVariable(constant("Program/Kind", external ? "external" : "st", "제어 방식: external(내 클라이언트), st(ST 프로그램)",
                "controlled by: external (your client) or st (a Structured Text program)"));
        mode = nodes.addVariable(variable("Program/Mode", NodeIds.String, status.mode().name(), "PLC 모드 RUN/STOP",
                "PLC mode RUN/STOP"));
        running = nodes.addVariable(variable("Program/Running", NodeIds.Boolean, status.running(),
                "설비가 실시간으로 돌고 있는지 (Start/Stop)", "whether the plant is running in real time (Start/Stop)"));
        scans = nodes.addVariable(variable("Program/ScanCount", NodeIds.Int64, status.scans(), "실행한 스캔 수",
                "scans run"));
        time = nodes.addVariable(variable("Program/TimeMs", NodeIds.Int64, status.timeMillis(), "모의 시간 (ms)",
                "simulated time (ms)"));
        lastError = nodes.addVariable(variable("Program/LastError", NodeIds.String, status.lastError(),
                "PLC를 멈춘 오류 (없으면 빈 문자열)", "the fault that stopped the PLC (empty when none)"));
        publishedMode = status.mode().name();
        publishedRunning = status.running();

        nodes.addMethod("Start", "Run the plant in real time and play the lab's test sequence",
                m -> LabMethods.noArgs(m, s -> session.start()));
        nodes.addMethod("Stop", "Pause the plant", m -> LabMethods.noArgs(m, s -> session.stop()));
        nodes.addMethod("Reset", "Back to the beginning: fresh plant, outputs off, recording cleared",
                m -> LabMethods.noArgs(m, s -> session.reset()));
        nodes.addMethod("Grade", "Grade the run: the grader's verdict as JSON (ko/en messages)",
                m -> LabMethods.stringResult(m, "Verdict", (s, ctx) -> grade()));
    }

    private static SessionNodes.VariableSpec constant(String path, String value, String ko, String en) {
        return variable(path, NodeIds.String, value, ko, en);
    }

    private static SessionNodes.VariableSpec variable(String path, org.eclipse.milo.opcua.stack.core.types.builtin.NodeId type,
            Object value, String ko, String en) {
        return new SessionNodes.VariableSpec(path, type, value, ko, en, null, null);
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    private Object value(int point, int raw) {
        return words[point] ? (Object) (short) raw : (Object) (raw != 0);
    }

    private void write(int point, Variant v) throws UaException {
        Object value = v.getValue();
        int raw;
        if (value instanceof Boolean b) {
            raw = b ? 1 : 0;
        } else if (value instanceof Number n) {
            raw = n.intValue();
        } else {
            throw new UaException(StatusCodes.Bad_TypeMismatch);
        }
        try {
            session.write(point, raw);
        } catch (SessionException e) {
            throw new UaException(StatusCodes.Bad_NotWritable, e.english() + " / " + e.korean());
        }
    }

    private String grade() {
        try {
            Grade g = session.grade();
            return Json.write(g.toMap());
        } catch (SessionException e) {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("lab", session.lab().id());
            m.put("passed", false);
            m.put("score", 0);
            m.put("error", Map.of("ko", e.korean(), "en", e.english()));
            return Json.write(m);
        }
    }

    /** Sets the values that changed since the last scan (called on the sessions' scheduler thread). */
    void publish(LabSession.Status status) {
        DateTime now = DateTime.now();
        for (int i = 0; i < published.length; i++) {
            int v = status.value(i);
            if (v != published[i]) {
                published[i] = v;
                DataValue dv = new DataValue(new Variant(value(i, v)), StatusCode.GOOD, now, now);
                devices[i].setValue(dv);
                image[i].setValue(dv);
                if (scaled[i] != null) {
                    scaled[i].setValue(new DataValue(new Variant(scaleOf[i].apply(v)), StatusCode.GOOD, now, now));
                }
            }
        }
        scans.setValue(new DataValue(new Variant(status.scans()), StatusCode.GOOD, now, now));
        time.setValue(new DataValue(new Variant(status.timeMillis()), StatusCode.GOOD, now, now));
        if (status.running() != publishedRunning) {
            publishedRunning = status.running();
            running.setValue(new DataValue(new Variant(publishedRunning), StatusCode.GOOD, now, now));
        }
        if (!status.mode().name().equals(publishedMode)) {
            publishedMode = status.mode().name();
            mode.setValue(new DataValue(new Variant(publishedMode), StatusCode.GOOD, now, now));
        }
        if (!status.lastError().equals(publishedError)) {
            publishedError = status.lastError();
            lastError.setValue(new DataValue(new Variant(publishedError), StatusCode.GOOD, now, now));
        }
    }
}
