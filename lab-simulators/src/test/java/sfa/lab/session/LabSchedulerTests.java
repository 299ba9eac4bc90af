package sfa.lab.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import sfa.lab.scenario.Catalog;

/** The one scheduler thread that steps every live lab: nothing one session does, or a class at once, stops it. */
class LabSchedulerTests {

    // #15: a class pressing Start together froze every lab on the server: the tick sorted sessions by a value
    // start() changed on other threads, TimSort threw, and the executor cancelled the tick for good
    @Test
    void hundredsOfSessionsStartedFromManyThreadsAtOnceAllKeepScanning() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try (LabSessions sessions = new LabSessions(Catalog.standard(), 1)) {
            Scans scans = new Scans(sessions);
            for (int trial = 0; trial < 30; trial++) {
                List<LabSession> opened = java.util.Collections.synchronizedList(new ArrayList<>());
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> starts = new ArrayList<>();
                for (int t = 0; t < 16; t++) {
                    starts.add(threads.submit(() -> {
                        go.await();
                        // each student opens a lab and presses Start while the others do the same
                        for (int i = 0; i < 300 / 16 + 1; i++) {
                            LabSession s = sessions.openExternal("sorting-metal").session();
                            opened.add(s);
                            s.start();
                        }
                        return null;
                    }));
                }
                go.countDown();
                for (Future<?> f : starts) {
                    f.get();
                }
                int round = trial;
                scans.await("every one of the ~300 sessions has run 50 simulated ms (trial " + round + ")",
                        () -> opened.stream().allMatch(s -> s.status().timeMillis() >= 50));
                assertThat(sessions.health().ticking()).isTrue();
                assertThat(sessions.health().tickFaults()).as("no tick failed").isZero();
                opened.forEach(s -> sessions.close(s.id()));
            }
        } finally {
            threads.shutdownNow();
        }
    }

    // #15: a step that threw an Error (not a RuntimeException) escaped the handler and ended the schedule
    @Test
    void aSessionWhoseStepThrowsIsStoppedWithItsFaultShownAndTheOthersGoOn() throws Exception {
        try (LabSessions sessions = new LabSessions(Catalog.standard(), 20)) {
            Scans scans = new Scans(sessions);
            LabSession broken = sessions.openExternal("sorting-metal").session();
            LabSession healthy = sessions.openExternal("sorting-metal").session();
            sessions.afterScan(s -> {
                if (s == broken && s.status().timeMillis() > 200) {
                    throw new AssertionError("a fault of the simulator's own");
                }
            });
            broken.start();
            healthy.start();

            scans.await("the broken session is stopped", () -> !broken.status().running());
            long stoppedAt = broken.status().timeMillis();
            assertThat(broken.status().lastError()).contains("internal error").contains("내부 오류");
            assertThat(sessions.audit().of(broken.id())).anySatisfy(e -> assertThat(e.action()).isEqualTo("error"));

            long from = healthy.status().timeMillis();
            scans.await("the other session runs on", () -> healthy.status().timeMillis() > from + 2_000);
            assertThat(broken.status().timeMillis()).isEqualTo(stoppedAt);
            assertThat(sessions.health().ticking()).isTrue();
            assertThat(sessions.health().sessionFaults()).isEqualTo(1);
        }
    }

    // #15: a scheduler that stopped ticking must be noticed, not found by students an hour later
    @Test
    void theWatchdogReportsAStalledSchedulerWithTheSessionHoldingItAndItsRecovery() throws Exception {
        try (LabSessions sessions = new LabSessions(Catalog.standard(), 1, "", 200)) {
            BlockingQueue<LabSessions.Health> reports = new LinkedBlockingQueue<>();
            sessions.onStallChange(reports::add);
            LabSession stuck = sessions.openExternal("sorting-metal").session();
            AtomicBoolean hold = new AtomicBoolean(true);
            sessions.afterScan(s -> {
                while (hold.get()) {
                    Thread.onSpinWait();
                }
            });
            stuck.start();
            try {
                LabSessions.Health stalled = reports.poll(10, TimeUnit.SECONDS);
                assertThat(stalled).as("the watchdog reported the stall").isNotNull();
                assertThat(stalled.ticking()).isFalse();
                assertThat(stalled.stuckIn()).isEqualTo(stuck.id());
                assertThat(stalled.sinceLastTickMillis()).isGreaterThanOrEqualTo(200);
                assertThat(sessions.health().ticking()).isFalse();
            } finally {
                hold.set(false);
            }
            LabSessions.Health recovered = reports.poll(10, TimeUnit.SECONDS);
            assertThat(recovered).as("the watchdog reported the recovery").isNotNull();
            assertThat(recovered.ticking()).isTrue();
            assertThat(recovered.stuckIn()).isNull();
        }
    }
}
