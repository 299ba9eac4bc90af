package sfa.lab.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import sfa.lab.plc.PlcMode;
import sfa.lab.scenario.Catalog;
import sfa.lab.scenario.Grade;

class LabSessionsTests {

    private static final String SELF_HOLD = """
            PROGRAM Main
            VAR START AT %IX0.0 : BOOL; STOP AT %IX0.1 : BOOL; ESTOP_OK AT %IX0.2 : BOOL;
                MOTOR AT %QX0.0 : BOOL; LAMP_RUN AT %QX0.1 : BOOL; LAMP_STOP AT %QX0.2 : BOOL; END_VAR
            MOTOR := (START OR MOTOR) AND STOP AND ESTOP_OK;
            LAMP_RUN := MOTOR;
            LAMP_STOP := NOT MOTOR;
            END_PROGRAM
            """;

    /** Twenty times real time: a 20 s test sequence plays in a second. */
    private final LabSessions sessions = new LabSessions(Catalog.standard(), 20);

    @AfterEach
    void closeSessions() {
        sessions.close();
    }

    private final Scans scans = new Scans(sessions);

    private void await(String what, BooleanSupplier condition) throws InterruptedException {
        scans.await(what, condition);
    }

    @Test
    void aStudentsControllerWritingConveyorMovesTheBeltUntilThePhotoSensorSeesAPart() throws Exception {
        LabSession s = sessions.openExternal("sorting-metal").session();
        int conveyor = s.point("CONVEYOR");
        int atPusher = s.point("AT_PUSHER");
        s.start();
        await("a simulated second has passed", () -> s.status().timeMillis() >= 1_000);
        assertThat(s.status().value(atPusher)).as("no part reaches the sensor while the belt stands").isZero();

        s.write(conveyor, 1);

        await("the photo sensor at the pusher sees a part", () -> s.status().value(atPusher) == 1);
        assertThat(s.status().value(conveyor)).isEqualTo(1);
        assertThat(s.status().mode()).isEqualTo(PlcMode.RUN);
    }

    @Test
    void aSessionsSceneDrawsItsPlantBeforeItRunsAndThePartsMovingWhileItRuns() throws Exception {
        LabSession s = sessions.openExternal("sorting-metal").session();
        sfa.lab.plant.Scene before = s.scene();
        assertThat(before.timeMs()).isZero();
        assertThat(before.belts()).singleElement().satisfies(b -> assertThat(b.length()).isEqualTo(2.0));
        assertThat(before.parts()).isEmpty();

        s.start();
        s.write(s.point("CONVEYOR"), 1);

        // the test sequence presses START at 0.5 s, which places the first part at 0.1 m
        await("the scene shows the first part carried past 0.3 m",
                () -> s.scene().parts().stream().anyMatch(p -> p.id() == 1 && p.front() > 0.3));
        assertThat(s.scene().belts().getFirst().running()).isTrue();
    }

    @Test
    void anOperatorsPressOnThePanelReachesTheProgramAtTheNextScan() throws Exception {
        LabSession s = sessions.openProgram("conveyor-self-hold", SELF_HOLD).session();
        int motor = s.point("MOTOR");

        s.operate(sfa.lab.plant.Command.Action.PRESS, "START", 0);
        s.start();
        await("the motor runs", () -> s.status().value(motor) == 1);
        s.operate(sfa.lab.plant.Command.Action.RELEASE, "START", 0);
        await("a few more scans", () -> s.status().timeMillis() >= 300);

        assertThat(s.status().timeMillis()).as("before the test sequence's own START at 1.0 s").isLessThan(1_000);
        assertThat(s.status().value(motor)).as("the self-hold keeps it running").isEqualTo(1);
        assertThatThrownBy(() -> s.operate(sfa.lab.plant.Command.Action.PRESS, "STRAT", 0))
                .isInstanceOf(SessionException.class).hasMessageContaining("STRAT")
                .satisfies(e -> assertThat(((SessionException) e).korean()).contains("START"));
    }

    @Test
    void aForcedInputIsWhatTheProgramReadsUntilTheForceIsRemoved() throws Exception {
        LabSession s = sessions.openProgram("conveyor-self-hold", SELF_HOLD, false).session();
        int motor = s.point("MOTOR");
        s.start();

        s.force("START", 1);
        await("the motor runs on the forced START", () -> s.status().value(motor) == 1);
        assertThat(s.forced()).containsEntry("START", 1);
        assertThat(s.variables()).containsEntry("MOTOR", true).containsEntry("START", true);

        s.force("START", null);
        s.force("STOP", 0);
        await("the forced STOP stops the motor", () -> s.status().value(motor) == 0);
        assertThat(s.forced()).containsOnlyKeys("STOP");

        assertThatThrownBy(() -> s.force("MOTOR", 1)).isInstanceOf(SessionException.class)
                .hasMessageContaining("output").satisfies(e -> assertThat(((SessionException) e).korean()).contains("출력"));
        s.reset();
        assertThat(s.forced()).as("a reset starts unforced").isEmpty();
    }

    @Test
    void aFreeRunPlaysNoTestSequenceSoOnlyTheOperatorActs() throws Exception {
        LabSession s = sessions.openProgram("conveyor-self-hold", SELF_HOLD, false).session();
        int motor = s.point("MOTOR");
        s.start();
        await("past the sequence's own START at 1.0 s", () -> s.status().timeMillis() > 1_500);
        assertThat(s.status().value(motor)).as("nobody pressed START").isZero();

        s.operate(sfa.lab.plant.Command.Action.PRESS, "START", 0);
        await("the motor runs", () -> s.status().value(motor) == 1);
        s.operate(sfa.lab.plant.Command.Action.RELEASE, "START", 0);
        await("past the sequence's STOP at 3.0 s", () -> s.status().timeMillis() > 3_500);

        assertThat(s.status().value(motor)).as("no STOP from a test sequence").isEqualTo(1);
        assertThat(s.playsSequence()).isFalse();
    }

    @Test
    void aSnapshotResumesTheSessionExactlyWhereItStoodUnderItsOwnId() throws Exception {
        LabSession s = sessions.openProgram("conveyor-self-hold", SELF_HOLD).session();
        int motor = s.point("MOTOR");
        s.start();
        await("the sequence pressed START and the motor runs", () -> s.status().value(motor) == 1);
        s.stop();
        LabSession.Status before = s.status();
        byte[] snapshot = s.snapshot();
        sessions.close(s.id());

        LabSession resumed = sessions.resume(s.id(), "conveyor-self-hold", SELF_HOLD, snapshot).session();

        assertThat(resumed.id()).isEqualTo(s.id());
        assertThat(resumed.status().timeMillis()).isEqualTo(before.timeMillis());
        assertThat(resumed.status().values()).containsExactly(before.values());
        assertThat(resumed.status().running()).isFalse();
        resumed.start();
        await("the sequence's STOP at 3.0 s stops the resumed motor", () -> resumed.status().timeMillis() > 3_100);
        assertThat(resumed.status().value(motor)).isZero();
    }

    @Test
    void anExternalSessionResumedMidSequenceAsksForAResetBeforeItIsGraded() throws Exception {
        LabSession s = sessions.openExternal("conveyor-self-hold").session();
        s.start();
        await("half a simulated second", () -> s.status().timeMillis() > 500);
        s.stop();
        LabSession resumed = sessions.resume("other1", "conveyor-self-hold", null, s.snapshot()).session();

        assertThatThrownBy(resumed::grade).isInstanceOf(SessionException.class).hasMessageContaining("Reset");
        resumed.reset();
        resumed.start();
        await("the whole test sequence ran", () -> resumed.status().timeMillis() > 20_100);
        assertThat(resumed.grade().passed()).as("nobody drove the motor").isFalse();
    }

    @Test
    void stopFreezesSimulatedTimeAndResetGoesBackToTheBeginning() throws Exception {
        LabSession s = sessions.openExternal("conveyor-self-hold").session();
        LabSession other = sessions.openExternal("conveyor-self-hold").session();
        s.start();
        other.start();
        await("the plant has run a while", () -> s.status().timeMillis() > 500);
        s.stop();
        long stoppedAt = s.status().timeMillis();
        long otherAt = other.status().timeMillis();
        await("another session has run half a simulated second more", () -> other.status().timeMillis() > otherAt + 500);
        assertThat(s.status().timeMillis()).isEqualTo(stoppedAt);
        assertThat(s.status().running()).isFalse();

        s.reset();

        assertThat(s.status().timeMillis()).isZero();
        assertThat(s.status().scans()).isZero();
    }

    @Test
    void aControllerCannotWriteAnInputAndAProgramSessionTakesNoWritesEitherWithAMessageInBothLanguages() {
        LabSession external = sessions.openExternal("conveyor-self-hold").session();
        assertThatThrownBy(() -> external.write(external.point("START"), 1))
                .isInstanceOfSatisfying(SessionException.class, e -> {
                    assertThat(e.english()).contains("START is an input (%IX0.0)");
                    assertThat(e.korean()).contains("입력");
                });

        LabSession program = sessions.openProgram("conveyor-self-hold", SELF_HOLD).session();
        assertThatThrownBy(() -> program.write(program.point("MOTOR"), 1))
                .isInstanceOf(SessionException.class)
                .hasMessageContaining("Structured Text program");
    }

    @Test
    void aProgramThatDoesNotCompileIsRefusedWithItsDiagnostics() {
        assertThatThrownBy(() -> sessions.openProgram("conveyor-self-hold", SELF_HOLD.replace("MOTOR :=", "MOTR :=")))
                .isInstanceOfSatisfying(LabSessions.ProgramRejected.class,
                        e -> assertThat(e.diagnostics()).isNotEmpty());
    }

    @Test
    void aProgramSessionRunsLiveAndGradesLikeTheGraderWithoutDisturbingTheLiveRun() throws Exception {
        LabSession s = sessions.openProgram("conveyor-self-hold", SELF_HOLD).session();
        s.start();
        // The test sequence presses START at 1.0 s: the live program latches the motor.
        await("the motor runs after START", () -> s.status().value(s.point("MOTOR")) == 1
                && s.status().timeMillis() < 3_000);
        long before = s.status().scans();

        Grade g = s.grade();

        assertThat(g.passed()).isTrue();
        assertThat(g.score()).isEqualTo(100);
        assertThat(s.status().scans()).as("the live run kept going").isGreaterThanOrEqualTo(before);
    }

    @Test
    void anExternalSessionIsGradedOnlyAfterItsTestSequenceRanToTheEnd() throws Exception {
        LabSession s = sessions.openExternal("conveyor-self-hold").session();
        assertThatThrownBy(s::grade).isInstanceOfSatisfying(SessionException.class, e -> {
            assertThat(e.english()).contains("Start the session and wait 20 s more");
            assertThat(e.korean()).contains("20초");
        });
        s.start();
        await("the 20 s sequence has run", () -> s.status().timeMillis() >= 20_000);

        Grade g = s.grade();

        // A controller that never wrote MOTOR: START never ran the belt.
        assertThat(g.passed()).isFalse();
        assertThat(g.objectives()).filteredOn(v -> v.id().equals("start-self-hold"))
                .singleElement().satisfies(v -> assertThat(v.en()).startsWith("t=1.00 s: START was pressed"));
    }

    @Test
    void eachSessionHasItsOwnLoginAndClosingItRevokesIt() {
        LabSessions.Opened a = sessions.openExternal("conveyor-self-hold");
        LabSessions.Opened b = sessions.openExternal("conveyor-self-hold");
        Credentials c = sessions.credentials();

        assertThat(c.authenticate(a.login().user(), a.login().password())).contains(a.session().id());
        assertThat(c.authenticate(a.login().user(), b.login().password())).isEmpty();
        assertThat(c.authenticate(a.login().user(), "wrong")).isEmpty();
        assertThat(a.login().password()).hasSize(16).isNotEqualTo(b.login().password());

        sessions.close(a.session().id());

        assertThat(c.authenticate(a.login().user(), a.login().password())).isEmpty();
        assertThat(c.authenticate(b.login().user(), b.login().password())).contains(b.session().id());
        assertThat(sessions.audit().of(a.session().id())).extracting(Audit.Entry::action).containsExactly("open", "close");
    }

    @Test
    void anUnknownLabIsRefusedNamingTheLabsThereAre() {
        assertThatThrownBy(() -> sessions.openExternal("conveyer"))
                .isInstanceOf(SessionException.class)
                .hasMessageContaining("no lab 'conveyer'")
                .hasMessageContaining("conveyor-self-hold");
    }

    @Test
    void aNodeOfAClusterNamesItsSessionsSoThatTheyCanBeRoutedToItAndTheyKeepTheNameWhenTheyMove() {
        try (LabSessions node2 = new LabSessions(Catalog.standard(), 1, "n2-");
                LabSessions node1 = new LabSessions(Catalog.standard(), 1, "n1-")) {
            LabSession opened = node2.openProgram("conveyor-self-hold", SELF_HOLD).session();
            assertThat(opened.id()).matches("n2-[a-z0-9]{8}");

            // moved to another node as a snapshot, the session keeps its id (and so its route)
            LabSession moved = node1.resume(opened.id(), "conveyor-self-hold", SELF_HOLD, opened.snapshot()).session();
            assertThat(moved.id()).isEqualTo(opened.id());
        }
        assertThatThrownBy(() -> new LabSessions(Catalog.standard(), 1, "../"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'../'");
    }
}
