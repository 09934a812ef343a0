package org.huyou.care.psych;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every shipped questionnaire scored against hand-worked examples from its published rule: PSC-17 subscale cut-offs
 * (internalizing 5, attention 7, externalizing 7, total 15), PHQ-A severity bands and its item 9, GAD-7 bands.
 */
class InstrumentScoringTest {

    private static Instrument ins(String code) {
        return Instrument.shipped().stream()
                .filter(i -> i.code().equals(code))
                .findFirst()
                .orElseThrow();
    }

    private static String positives(Instrument.Result r) {
        return r.positive().stream().map(Instrument.Subscale::code).collect(Collectors.joining(","));
    }

    @Test
    void psc17SubscalesAndTotalFollowThePublishedCutOffs() {
        Instrument psc = ins("PSC17");
        assertEquals(17, psc.items().size());
        // Internalizing 2+1+1+1+0 = 5 (positive at 5), attention 5, externalizing 2: total 12 is negative
        Instrument.Result r = psc.score(List.of(2, 1, 1, 1, 0, 1, 1, 1, 1, 1, 0, 1, 0, 0, 1, 0, 0));
        assertEquals(12, r.total());
        assertEquals(5, r.subscaleScores().get("INT"));
        assertEquals(5, r.subscaleScores().get("ATT"));
        assertEquals(2, r.subscaleScores().get("EXT"));
        assertEquals("INT", positives(r));
        assertEquals(RiskGrade.LOW, r.band().risk(), "a total of 12 is below 15");
        assertEquals(RiskGrade.MEDIUM, r.suggested(), "a positive subscale suggests medium risk");

        // All "sometimes": INT 5, ATT 5, EXT 7, total 17: positive total and two positive subscales
        Instrument.Result all = psc.score(List.of(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1));
        assertEquals(17, all.total());
        assertEquals("EXT,INT", positives(all));
        assertEquals(RiskGrade.MEDIUM, all.suggested());

        // Attention 6 stays below its cut-off of 7; total 14 stays below 15
        Instrument.Result near = psc.score(List.of(1, 1, 1, 1, 0, 2, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0));
        assertEquals(14, near.total());
        assertEquals(6, near.subscaleScores().get("ATT"));
        assertEquals("", positives(near));
        assertEquals(RiskGrade.LOW, near.suggested());
    }

    @Test
    void phqAUsesTheSeverityBandsAndItemNineOverridesTheTotal() {
        Instrument phq = ins("PHQA");
        assertEquals(9, phq.items().size());
        Instrument.Result mild = phq.score(List.of(1, 1, 1, 1, 1, 1, 1, 1, 0));
        assertEquals(8, mild.total());
        assertEquals(RiskGrade.LOW, mild.suggested());
        Instrument.Result moderate = phq.score(List.of(2, 2, 2, 2, 1, 1, 1, 1, 0));
        assertEquals(12, moderate.total());
        assertEquals(RiskGrade.MEDIUM, moderate.suggested());
        Instrument.Result severe = phq.score(List.of(3, 3, 3, 3, 3, 2, 2, 1, 0));
        assertEquals(20, severe.total());
        assertEquals(RiskGrade.HIGH, severe.suggested());
        Instrument.Result ideation = phq.score(List.of(0, 0, 0, 0, 0, 0, 0, 0, 1));
        assertEquals(1, ideation.total());
        assertEquals(RiskGrade.LOW, ideation.band().risk(), "a total of 1 is in the minimal band");
        assertEquals(
                List.of(9),
                ideation.critical().stream().map(Instrument.Critical::item).toList());
        assertEquals(RiskGrade.HIGH, ideation.suggested(), "thoughts of self-harm suggest high risk at any total");
    }

    @Test
    void gad7BandBoundaries() {
        Instrument gad = ins("GAD7");
        assertEquals(RiskGrade.LOW, gad.score(List.of(1, 1, 1, 1, 0, 0, 0)).suggested()); // 4 minimal
        assertEquals(RiskGrade.LOW, gad.score(List.of(1, 1, 1, 1, 1, 0, 0)).suggested()); // 5 mild
        assertEquals(RiskGrade.MEDIUM, gad.score(List.of(2, 2, 2, 2, 2, 0, 0)).suggested()); // 10 moderate
        assertEquals(RiskGrade.MEDIUM, gad.score(List.of(2, 2, 2, 2, 2, 2, 2)).suggested()); // 14 moderate
        Instrument.Result severe = gad.score(List.of(3, 3, 3, 2, 2, 1, 1));
        assertEquals(15, severe.total());
        assertEquals(RiskGrade.HIGH, severe.suggested());
    }

    @Test
    void everyShippedDefinitionIsCompleteAndRefusesAnswersOffItsScale() {
        for (Instrument i : Instrument.shipped()) {
            int max = i.items().size() * i.maxAnswer();
            for (int total = 0; total <= max; total++) {
                int t = total;
                assertEquals(
                        1,
                        i.bands().stream()
                                .filter(b -> t >= b.from() && t <= b.to())
                                .count(),
                        i.code() + ": exactly one band holds total " + total);
            }
            assertTrue(i.source().length() > 40, i.code() + " names where its scoring rule comes from");
            assertTrue(i.minAge() < i.maxAge());
            List<Integer> tooHigh = new java.util.ArrayList<>(
                    java.util.Collections.nCopies(i.items().size(), 0));
            tooHigh.set(0, i.maxAnswer() + 1);
            assertThrows(IllegalArgumentException.class, () -> i.score(tooHigh));
            assertThrows(IllegalArgumentException.class, () -> i.score(List.of(0)));
        }
    }
}
