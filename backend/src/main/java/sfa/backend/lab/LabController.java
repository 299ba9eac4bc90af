package sfa.backend.lab;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import sfa.backend.security.Caller;
import sfa.backend.web.ApiProblem;
import sfa.lab.plant.Command;
import sfa.lab.plant.IoPoint;
import sfa.lab.session.Credentials;
import sfa.lab.session.LabSession;

/** A student's live labs: open, watch (server-sent events), operate, run, grade, reach over OPC UA. */
@RestController
class LabController {

    private final LiveLabs labs;
    private final LabHost host;
    private final LabStream stream;
    private final LabGrader grader;
    private final WiringBench wiring;

    LabController(LiveLabs labs, LabHost host, LabStream stream, LabGrader grader, WiringBench wiring) {
        this.wiring = wiring;
        this.labs = labs;
        this.host = host;
        this.stream = stream;
        this.grader = grader;
    }

    /** @param sequence false for a free run without the lab's test sequence (program sessions only; default true) */
    record OpenLab(@NotBlank @Size(max = 64) String lab, @Size(max = LabGrader.MAX_SOURCE_CHARS) @Nullable String program,
            @Nullable Boolean sequence) {
    }

    record Operation(@NotBlank @Pattern(regexp = "press|release|set", message = "action is press, release or set") String action,
            @NotBlank @Size(max = 64) String device, @Nullable Double value) {
    }

    /** Forces an input to {@code value} (0/1 for a bit, raw for a word), or removes its force when null. */
    record Force(@NotBlank @Size(max = 64) String input, @Nullable Integer value) {
    }

    record Io(String name, String address) {
    }

    /** How the student's own client reaches the session: endpoint, login (shown once) and the session's node. */
    record OpcUaAccess(@Nullable String endpoint, @Nullable String user, @Nullable String password, String node) {
    }

    record LiveView(String id, String lab, String mode, LabStream.Frame state, List<Io> io, List<String> devices,
            @Nullable OpcUaAccess opcUa) {
    }

    private LiveView view(LiveLabs.Opened o, Credentials.@Nullable Issued login) {
        LabSession s = o.session();
        String node = "Labs/" + s.id();
        OpcUaAccess access = new OpcUaAccess(host.opcUaEndpoint(), login == null ? null : login.user(),
                login == null ? null : login.password(), node);
        return new LiveView(s.id(), s.lab().id(), s.mode().name().toLowerCase(Locale.ROOT), LabStream.Frame.of(s),
                s.points().stream().map((IoPoint p) -> new Io(p.name(), p.address().toString())).toList(),
                s.operableNames(), access);
    }

    record Check(@Size(max = LabGrader.MAX_SOURCE_CHARS) @Nullable String program) {
    }

    /** The program's errors and warnings for this lab (line, column, length, ko, en), as the editor underlines them. */
    @PostMapping("/api/schools/{school}/labs/{lab}/check")
    List<Map<String, Object>> check(@PathVariable String school, @PathVariable String lab, @Valid @RequestBody Check check) {
        return grader.check(lab, check.program() == null ? "" : check.program());
    }

    /** The lab's plant before a run: what the workbench draws until a session streams its own. */
    @GetMapping("/api/schools/{school}/labs/{lab}/scene")
    sfa.lab.plant.Scene scene(@PathVariable String school, @PathVariable String lab) {
        return grader.startingScene(lab);
    }

    /** A wiring lab's board: its parts with their terminals, the wires already on it, the targets a student can place. */
    @GetMapping("/api/schools/{school}/labs/{lab}/board")
    WiringBench.Board board(@PathVariable String school, @PathVariable String lab) {
        return wiring.board(lab);
    }

    record TryWiring(@Size(max = LabGrader.MAX_SOURCE_CHARS) @Nullable String wiring,
            @Nullable @Size(max = 16) List<@Size(max = 64) String> targets) {
    }

    /** A wiring tried on the board with the chosen targets present: inputs lit, blown fuses, the diagnosis per net. */
    @PostMapping("/api/schools/{school}/labs/{lab}/wiring/trial")
    WiringBench.Trial tryWiring(@PathVariable String school, @PathVariable String lab, @Valid @RequestBody TryWiring t) {
        return wiring.trial(lab, t.wiring() == null ? "" : t.wiring(), t.targets() == null ? List.of() : t.targets());
    }

    @PostMapping("/api/schools/{school}/my/labs")
    @ResponseStatus(HttpStatus.CREATED)
    LiveView open(@PathVariable String school, @Valid @RequestBody OpenLab open, Caller caller) {
        String program = open.program() == null || open.program().isBlank() ? null : open.program();
        LiveLabs.Opened o = labs.open(school, caller, open.lab(), program, open.sequence() == null || open.sequence());
        return view(o, o.login());
    }

    @GetMapping("/api/schools/{school}/my/labs")
    List<LiveLab> mine(@PathVariable String school, Caller caller) {
        return labs.mine(school, caller);
    }

    @GetMapping("/api/schools/{school}/my/labs/{id}")
    LiveView get(@PathVariable String school, @PathVariable String id, Caller caller) {
        LiveLabs.Opened o = labs.use(school, caller, id);
        return view(o, o.login());
    }

    @GetMapping(path = "/api/schools/{school}/my/labs/{id}/stream", produces = "text/event-stream")
    SseEmitter watch(@PathVariable String school, @PathVariable String id, Caller caller) {
        return stream.subscribe(labs.use(school, caller, id).session());
    }

    @PostMapping("/api/schools/{school}/my/labs/{id}/commands/{command}")
    LabStream.Frame command(@PathVariable String school, @PathVariable String id, @PathVariable String command,
            Caller caller) {
        LabHost.Action action = switch (command) {
            case "start" -> LabHost.Action.START;
            case "stop" -> LabHost.Action.STOP;
            case "reset" -> LabHost.Action.RESET;
            default -> throw ApiProblem.badRequest("unknown-command", "the commands are start, stop and reset, not '"
                    + command + "'", "명령은 start, stop, reset 중 하나입니다 ('" + command + "'이 아님)");
        };
        LabSession s = labs.use(school, caller, id).session();
        host.command(s.id(), action);
        return LabStream.Frame.of(s);
    }

    /** A hand on the panel: press or release a push button or the E-stop, set a value device. */
    @PostMapping("/api/schools/{school}/my/labs/{id}/operate")
    LabStream.Frame operate(@PathVariable String school, @PathVariable String id, @Valid @RequestBody Operation op,
            Caller caller) {
        LabSession s = labs.use(school, caller, id).session();
        host.operate(s.id(), Command.Action.valueOf(op.action().toUpperCase(Locale.ROOT)), op.device(), op.value() == null ? 0 : op.value());
        return LabStream.Frame.of(s);
    }

    /** Forces one of the session's inputs, as at a PLC's programming device; the frame shows the forces. */
    @PostMapping("/api/schools/{school}/my/labs/{id}/force")
    LabStream.Frame force(@PathVariable String school, @PathVariable String id, @Valid @RequestBody Force force,
            Caller caller) {
        LabSession s = labs.use(school, caller, id).session();
        host.force(s.id(), force.input(), force.value());
        return LabStream.Frame.of(s);
    }

    /**
     * Grades the session: a program session by the grader, an external one by what the student's client
     * did during the recorded test sequence. (To count it in a unit: the unit's live-grades endpoint.)
     */
    @PostMapping("/api/schools/{school}/my/labs/{id}/grade")
    Map<String, Object> grade(@PathVariable String school, @PathVariable String id, Caller caller) {
        return labs.grade(school, caller, id).grade().toMap();
    }

    /** A new OPC UA password for the session (the old one stops working). */
    @PostMapping("/api/schools/{school}/my/labs/{id}/opcua-login")
    OpcUaAccess renewLogin(@PathVariable String school, @PathVariable String id, Caller caller) {
        LabSession s = labs.use(school, caller, id).session();
        Credentials.Issued login = host.renewLogin(s.id());
        return new OpcUaAccess(host.opcUaEndpoint(), login.user(), login.password(), "Labs/" + s.id());
    }

    @DeleteMapping("/api/schools/{school}/my/labs/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void close(@PathVariable String school, @PathVariable String id, Caller caller) {
        labs.close(school, caller, id);
    }
}
