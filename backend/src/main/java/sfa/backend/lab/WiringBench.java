package sfa.backend.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import sfa.backend.web.ApiProblem;
import sfa.courseware.Text;
import sfa.lab.plant.Command;
import sfa.lab.plant.IoPoint;
import sfa.lab.plant.Labs;
import sfa.lab.plant.Plant;
import sfa.lab.plc.ManualSource;
import sfa.lab.scenario.SpecLab;
import sfa.lab.wiring.Finding;
import sfa.lab.wiring.Supply;
import sfa.lab.wiring.Wire;
import sfa.lab.wiring.WiringException;
import sfa.lab.wiring.WiringFile;

/**
 * The wiring board of a wiring lab as the workbench draws it, and a student's wiring tried on it: the board is built
 * and powered exactly as the grader does, the sensors' targets placed as the student chooses, and what happens is
 * reported (which inputs light, which fuse blew, what the diagnosis finds and on which net).
 */
@Component
public class WiringBench {

    /** A part on the board: its name, kind (the simulator's class), what it is in both languages and its terminals. */
    public record Part(String name, String kind, Text describe, List<String> pins) {
    }

    /** @param targets the devices whose target the student can place (a sensor's object) */
    public record Board(List<Part> parts, List<String> wires, List<String> targets) {
    }

    /** One thing wrong, with the terminals of its net (to highlight them). */
    public record Problem(String code, List<String> terminals, Text message) {
    }

    /** What the wiring does: inputs lit (by I/O name), blown fuses (supply names), the diagnosis. */
    public record Trial(Map<String, Integer> inputs, List<String> blownFuses, List<Problem> problems) {
    }

    /** How long a trial runs before it is read: enough scans for relays to pull in and fuses to blow. */
    private static final long SETTLE_MS = 200;

    private final LabGrader grader;

    WiringBench(LabGrader grader) {
        this.grader = grader;
    }

    /** The lab's board, or a 404 problem for an unknown lab. */
    public Board board(String labId) {
        Plant plant = plant(grader.lab(labId));
        List<Part> parts = new ArrayList<>();
        for (var c : plant.board().components()) {
            parts.add(new Part(c.name(), c.getClass().getSimpleName(), new Text(c.describeKo(), c.describeEn()),
                    List.copyOf(c.pins())));
        }
        List<String> wires = plant.board().wires().stream().map(Wire::toString).toList();
        return new Board(parts, wires, plant.operableNames());
    }

    /**
     * Tries a wiring with the given targets present.
     *
     * @throws ApiProblem 400 {@code invalid-wiring} naming each bad line or terminal, 413 for an oversized wiring
     */
    public Trial trial(String labId, String wiring, List<String> targets) {
        SpecLab lab = grader.lab(labId);
        LabGrader.limit("wiring", wiring);
        Plant plant = plant(lab);
        try {
            for (Wire w : WiringFile.parse(wiring)) {
                plant.addWire(w);
            }
        } catch (WiringException e) {
            throw ApiProblem.badRequest("invalid-wiring", e.english(), e.korean());
        }
        for (String target : targets) {
            if (!plant.operableNames().contains(target)) {
                throw ApiProblem.badRequest("unknown-target", "this board has no target " + target + "; it has "
                        + String.join(", ", plant.operableNames()), "이 보드에는 " + target + " 대상이 없습니다. 있는 대상: "
                        + String.join(", ", plant.operableNames()));
            }
            plant.schedule(new Command(0, target, Command.Action.PRESS, 0));
        }
        plant.runUntil(SETTLE_MS, null);
        Map<String, Integer> inputs = new LinkedHashMap<>();
        for (IoPoint p : plant.ioMap()) {
            inputs.put(p.name(), plant.value(p.name()));
        }
        List<String> blown = plant.circuit().components().stream()
                .filter(c -> c instanceof Supply s && s.fuseBlown()).map(c -> c.name()).toList();
        List<Problem> problems = new ArrayList<>();
        for (Finding f : plant.circuit().diagnose().findings()) {
            problems.add(new Problem(f.code(), f.net().terminals().stream().map(Object::toString).toList(),
                    new Text(f.ko(), f.en())));
        }
        return new Trial(inputs, blown, problems);
    }

    private static Plant plant(SpecLab lab) {
        return Labs.create(lab, lab.spec().seeds().getFirst(), lab.scanMillis(), new ManualSource());
    }
}
