package sfa.backend.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GradingPropertiesTests {

    @Test
    void byDefaultGradesRunOnOneThreadLessThanTheCoresAndOnAtLeastTwo() { // #16
        GradingProperties defaults = new GradingProperties(null, null, null);

        assertThat(defaults.threadCount(1)).isEqualTo(2);
        assertThat(defaults.threadCount(2)).isEqualTo(2);
        assertThat(defaults.threadCount(8)).isEqualTo(7);
    }

    @Test
    void aSetNumberOfGradingThreadsIsKeptWhateverTheCores() { // #16
        assertThat(new GradingProperties(1, null, null).threadCount(8)).isEqualTo(1);
    }

    @Test
    void aNegativeNumberOfGradingThreadsIsRefusedNamingTheSetting() { // #16
        assertThatThrownBy(() -> new GradingProperties(-1, null, null)).hasMessageContaining("sfa.labs.grading");
    }
}
