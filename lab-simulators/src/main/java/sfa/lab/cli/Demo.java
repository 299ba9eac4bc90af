package sfa.lab.cli;

import sfa.lab.scenario.Catalog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jspecify.annotations.Nullable;
import sfa.lab.plant.Command;
import sfa.lab.plant.CommandScript;
import sfa.lab.plant.IoPoint;
import sfa.lab.plant.Lab;
import sfa.lab.plant.Labs;
import sfa.lab.plant.Plant;
import sfa.lab.plc.JavaProgram;

/**
 * The conveyor self-hold lab paced to the wall clock with a built-in self-hold program, printing
 * every I/O change as it happens. It plays the catalogue's test sequence, and the person at the
 * keyboard can press buttons too: commands typed on stdin are applied at the next step.
 */
final class Demo {

    /** MOTOR := (START OR MOTOR) AND STOP AND ESTOP_OK; lamps follow MOTOR. */
    static final JavaProgram SELF_HOLD = (io, ctx) -> {
        boolean motor = (io.input(0) || io.output(0)) && io.input(1) && io.input(2);
        io.setOutput(0, motor);
        io.setOutput(1, motor);
        io.setOutput(2, !motor);
    };

    private final PrintStream out;
    private final InputStream in;
    private final ConcurrentLinkedQueue<String> typed = new ConcurrentLinkedQueue<>();
    private volatile boolean quit;

    Demo(PrintStream out, InputStream in) {
        this.out = out;
        this.in = in;
    }

    int run(Options o) {
        String id = o.get("lab");
        if (id != null && !id.equals("conveyor-self-hold")) {
            throw new UsageException("the demo has a built-in program for conveyor-self-hold only");
        }
        double speed = speed(o.get("speed"));
        long until = o.getMillis("seconds", Labsim.MAX_MILLIS, Labsim.MAX_MILLIS);
        Lab lab = Catalog.lab("conveyor-self-hold");
        Plant plant = Labs.create(lab, 1, SELF_HOLD);
        plant.scheduleAll(CommandScript.presses("START@1.0,STOP@3.0,START@5.0,STOP@7.0-7.5,START@7.1,START@9.0,"
                + "ESTOP@11.0-13.0,START@15.0,STOP@17.0"));
        out.println(lab.titleKo() + " / " + lab.titleEn() + " — demo at " + speed + "× real time");
        out.println("Type START, STOP or ESTOP and Enter to press; 'release ESTOP'; 'quit' to stop (or Ctrl-C).");
        out.println("입력: START, STOP, ESTOP (누르기), 'release ESTOP' (비상정지 해제), 'quit' (종료)");
        Thread reader = Thread.ofPlatform().daemon().name("demo-stdin").start(this::readLines);
        int[] last = new int[plant.ioMap().size()];
        java.util.Arrays.fill(last, Integer.MIN_VALUE);
        try {
            plant.runPaced(until, speed, null, () -> {
                if (quit) {
                    throw new Stop();
                }
                report(plant, last);
                for (String line; (line = typed.poll()) != null; ) {
                    apply(plant, line);
                }
            });
        } catch (Stop stop) {
            out.println("demo stopped at t=" + plant.clock().nowMillis() / 1000.0 + " s");
        }
        reader.interrupt();
        return Labsim.OK;
    }

    private static double speed(@Nullable String text) {
        if (text == null) {
            return 1.0;
        }
        try {
            double s = Double.parseDouble(text);
            if (s > 0 && s <= 1000) {
                return s;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--speed takes a factor above 0 and up to 1000 (1 = real time), not '" + text + "'");
    }

    private void readLines() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                typed.add(line.strip());
            }
        } catch (IOException e) {
            // stdin closed: the demo goes on with its script
        }
    }

    private void apply(Plant plant, String line) {
        if (line.isEmpty()) {
            return;
        }
        String[] words = line.toUpperCase(Locale.ROOT).split("\\s+");
        long now = plant.clock().nowMillis();
        try {
            if (words[0].equals("QUIT") || words[0].equals("EXIT")) {
                quit = true;
            } else if (words[0].equals("RELEASE") && words.length == 2) {
                plant.schedule(Command.release(words[1], now));
            } else if (words[0].equals("ESTOP")) {
                plant.schedule(Command.press(words[0], now));
            } else {
                plant.scheduleAll(CommandScript.presses(words[0] + "@" + now / 1000.0));
            }
        } catch (IllegalArgumentException e) {
            out.println("? " + e.getMessage());
        }
    }

    private void report(Plant plant, int[] last) {
        int i = 0;
        for (IoPoint p : plant.ioMap()) {
            int v = plant.value(p.name());
            if (v != last[i]) {
                if (last[i] != Integer.MIN_VALUE) {
                    long scanned = plant.clock().nowMillis() - plant.clock().stepMillis();
                    out.printf("t=%8.2f s  %-10s %d → %d   (%s / %s)%n", scanned / 1000.0, p.name(),
                            last[i], v, p.deviceKo(), p.deviceEn());
                }
                last[i] = v;
            }
            i++;
        }
    }

    /** Ends the paced run from inside the loop when the user quits. */
    private static final class Stop extends RuntimeException {
        Stop() {
            super("quit", null, false, false);
        }
    }
}
