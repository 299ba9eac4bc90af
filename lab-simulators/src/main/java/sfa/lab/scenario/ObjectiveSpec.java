package sfa.lab.scenario;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An objective as a lab spec states it: an id, one or more checks in the temporal language (all must
 * hold), what it expects in Korean and English, and optionally the failure message a teacher wrote,
 * with {@code {t}} (the moment, in s), {@code {deadline}} and {@code {value}} (the value of the
 * {@code show} expression at that moment, e.g. the level) filled in.
 *
 * @param weight its share of the score (1 unless given)
 */
public record ObjectiveSpec(String id, List<String> texts, List<Objective> checks, String descriptionKo,
        String descriptionEn, @Nullable String failKo, @Nullable String failEn, int weight, boolean reportSeed,
        @Nullable Expr show) {

    public ObjectiveSpec {
        texts = List.copyOf(texts);
        checks = List.copyOf(checks);
        if (weight < 1) {
            throw new IllegalArgumentException("weight must be at least 1");
        }
    }
}
