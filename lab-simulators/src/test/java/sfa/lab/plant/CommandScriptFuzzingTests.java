package sfa.lab.plant;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * Coverage-guided fuzzing of the command scripts ({@code --press}, {@code --fault}, {@code --set},
 * {@code --force} of labsim, and a lab spec's events and faults) (docs/fuzzing.md), seeded with the
 * documented examples and the events of the shipped lab specs ({@code CommandScriptFuzzingTestsInputs/}).
 */
class CommandScriptFuzzingTests {

    private static final List<Function<String, List<Command>>> PARSERS = List.of(CommandScript::presses,
            CommandScript::faults, CommandScript::settings, CommandScript::forces);

    /**
     * Proves that any text given to each of the four parsers is either commands, each at a time from 0 to a
     * day, or an {@link IllegalArgumentException} saying what is wrong: never another exception.
     */
    @FuzzTest
    void anyTextIsCommandsOrSaysWhatIsWrong(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        for (Function<String, List<Command>> parser : PARSERS) {
            List<Command> commands;
            try {
                commands = parser.apply(text);
            } catch (IllegalArgumentException e) {
                assertThat(e.getMessage()).isNotBlank();
                continue;
            }
            assertThat(commands).allSatisfy(c -> assertThat(c.atMillis()).isBetween(0L, 86_400_000L));
        }
    }
}
