package sfa.lab.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import sfa.lab.plant.Labs;
import sfa.lab.plant.Plant;
import sfa.lab.plc.ProgramSource;

/**
 * The labs there are: read from the lab spec files of the class path ({@code labs/catalog.txt} lists
 * them, {@code labs/<id>.yaml} holds each; the courseware module ships them) or from a folder of spec
 * files. A catalogue with a broken spec does not load: the exception lists every problem.
 */
public final class Catalog {

    /** The catalogue could not be loaded; {@link #problems()} lists why, file by file. */
    public static final class InvalidCatalogException extends RuntimeException {
        private final transient List<Problem> problems;

        InvalidCatalogException(List<Problem> problems) {
            super(problems.size() + " problem(s) in the lab specs, the first: " + problems.getFirst().format());
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    private static volatile Catalog standard;

    private final List<SpecLab> labs;

    private Catalog(List<SpecLab> labs) {
        this.labs = List.copyOf(labs);
    }

    /** The catalogue of the class path, loaded once. */
    public static Catalog standard() {
        Catalog c = standard;
        if (c == null) {
            synchronized (Catalog.class) {
                c = standard;
                if (c == null) {
                    c = fromClassPath();
                    standard = c;
                }
            }
        }
        return c;
    }

    private static Catalog fromClassPath() {
        ClassLoader loader = Catalog.class.getClassLoader();
        String index = resource(loader, "labs/catalog.txt");
        List<SpecLab> labs = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (String line : index.split("\n")) {
            String id = line.strip();
            if (id.isEmpty() || id.startsWith("#")) {
                continue;
            }
            String file = "labs/" + id + ".yaml";
            SpecLoader.Result r = SpecLoader.load(resource(loader, file), id + ".yaml");
            if (r.ok()) {
                labs.add(new SpecLab(r.spec()));
            } else {
                problems.addAll(r.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidCatalogException(problems);
        }
        return new Catalog(labs);
    }

    private static String resource(ClassLoader loader, String name) {
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the lab catalogue is not on the class path (" + name
                        + " is missing): the courseware module ships it");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every {@code *.yaml} spec of a folder, validated; problems of all files together. */
    public static Catalog fromDirectory(Path dir) {
        List<SpecLab> labs = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                SpecLoader.Result r = SpecLoader.load(Files.readString(f), f.getFileName().toString());
                if (r.ok()) {
                    labs.add(new SpecLab(r.spec()));
                } else {
                    problems.addAll(r.problems());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!problems.isEmpty()) {
            throw new InvalidCatalogException(problems);
        }
        return new Catalog(labs);
    }

    public List<SpecLab> labs() {
        return labs;
    }

    public Optional<SpecLab> find(String id) {
        return labs.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    /** The lab with this id, or an exception that lists the ids there are. */
    public SpecLab get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("unknown lab '" + id + "'; the labs are "
                + String.join(", ", labs.stream().map(SpecLab::id).toList())));
    }

    /** Continues a run from a snapshot of one of this catalogue's labs. */
    public Plant resume(byte[] snapshot, ProgramSource program) {
        return Labs.resume(snapshot, program, id -> find(id).map(l -> l));
    }

    /** Shortcuts on the standard catalogue. */
    public static SpecLab lab(String id) {
        return standard().get(id);
    }
}
