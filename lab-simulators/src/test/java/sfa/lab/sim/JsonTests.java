package sfa.lab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTests {

    @Test
    void doublesSurviveARoundTripExactly() {
        double[] values = {0.1 + 0.2, 1.0 / 3, 1e-300, -0.0, 123456789.123456789, Math.PI};
        for (double v : values) {
            Object back = ((Map<?, ?>) Json.read(Json.write(Map.of("v", v)))).get("v");
            assertThat(Double.doubleToRawLongBits((Double) back)).as("%s", v).isEqualTo(Double.doubleToRawLongBits(v));
        }
    }

    @Test
    void nestedValuesAndKoreanTextRoundTrip() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("name", "컨베이어 \"A\"\n");
        tree.put("list", List.of(1L, true, "x"));
        tree.put("nested", Map.of("n", 42L));
        assertThat(Json.read(Json.write(tree))).isEqualTo(tree);
    }

    @Test
    void aSyntaxErrorNamesItsOffset() {
        assertThatThrownBy(() -> Json.read("{\"a\": [1, 2}")).isInstanceOf(SnapshotException.class)
                .hasMessageContaining("offset 11");
    }

    @Test
    void aSeededGeneratorRepeatsItsSequenceAndResumesFromItsState() {
        SimRandom a = new SimRandom(7);
        SimRandom b = new SimRandom(7);
        for (int i = 0; i < 100; i++) {
            assertThat(a.nextLong()).isEqualTo(b.nextLong());
        }
        SimRandom c = new SimRandom(0);
        c.restore(a.state());
        assertThat(c.nextDouble()).isEqualTo(a.nextDouble());
        assertThat(SimRandom.stream(7, "feeder").nextLong()).isNotEqualTo(SimRandom.stream(7, "consumer").nextLong());
    }
}
