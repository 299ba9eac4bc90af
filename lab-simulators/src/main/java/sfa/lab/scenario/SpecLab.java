package sfa.lab.scenario;

import java.util.ArrayList;
import java.util.List;
import sfa.lab.plant.Lab;
import sfa.lab.plant.PlantBuilder;

/** A lab defined by a spec file. */
public final class SpecLab implements Lab {

    private final LabSpec spec;

    public SpecLab(LabSpec spec) {
        this.spec = spec;
    }

    public LabSpec spec() {
        return spec;
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
        List<Problem> problems = new ArrayList<>();
        SpecAssembly.assemble(spec, builder, problems);
        if (!problems.isEmpty()) {
            // the loader assembled this spec once and refused it on any problem, so this cannot happen
            throw new IllegalStateException(problems.getFirst().format());
        }
    }
}
