package sfa.lab.scenario;

import java.util.ArrayList;
import java.util.List;
import sfa.lab.plant.Lab;
import sfa.lab.plant.PlantBuilder;

/** A lab defined by a spec file. */
public final class SpecLab implements Lab {

    private final LabSpec spec;
    private final @org.jspecify.annotations.Nullable List<Problem> problems;

    public SpecLab(LabSpec spec) {
        this(spec, null);
    }

    /** A lab that adds assembly problems to {@code problems} instead of failing, for checking a spec. */
    SpecLab(LabSpec spec, @org.jspecify.annotations.Nullable List<Problem> problems) {
        this.spec = spec;
        this.problems = problems;
    }

    public LabSpec spec() {
        return spec;
    }

    /** The addresses of the lab's I/O map, read from the spec (no plant needed): what a program may use. */
    public List<sfa.lab.plc.Address> addresses() {
        return spec.io().stream().map(io -> sfa.lab.plc.Address.parse(io.address())).toList();
    }

    @Override
    public String id() {
        return spec.id();
    }

    @Override
    public String titleKo() {
        return spec.titleKo();
    }

    @Override
    public String titleEn() {
        return spec.titleEn();
    }

    @Override
    public long sequenceMillis() {
        return spec.sequenceMillis();
    }

    @Override
    public int scanMillis() {
        return spec.scanMillis();
    }

    @Override
    public void assemble(PlantBuilder builder) {
        List<Problem> found = problems != null ? problems : new ArrayList<>();
        SpecAssembly.assemble(spec, builder, found);
        if (problems == null && !found.isEmpty()) {
            // the loader assembled this spec once and refused it on any problem, so this cannot happen
            throw new IllegalStateException(found.getFirst().format());
        }
    }
}
