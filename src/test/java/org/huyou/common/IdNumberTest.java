package org.huyou.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdNumberTest {

    @Test
    void acceptsTheStandardsExamples() {
        assertTrue(IdNumber.isValid("11010519491231002X"));
        assertTrue(IdNumber.isValid("440524188001010014"));
        assertTrue(IdNumber.isValid("11010519491231002x"), "lower-case x is accepted");
        assertEquals("11010519491231002X", IdNumber.normalize(" 11010519491231002x "));
    }

    @Test
    void readsBirthDateAndGender() {
        assertEquals(
                LocalDate.of(1949, 12, 31),
                IdNumber.parseBirthDate("11010519491231002X").orElseThrow());
        assertEquals(Gender.FEMALE, IdNumber.gender("11010519491231002X"));
        assertEquals(Gender.MALE, IdNumber.gender("440524188001010014"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"11010519491231002X", "440524188001010014", "110105201503070021"})
    void rejectsEverySingleCharacterSubstitution(String valid) {
        String chars = "0123456789X";
        int checked = 0;
        for (int pos = 0; pos < 18; pos++) {
            for (char c : chars.toCharArray()) {
                if (c == valid.charAt(pos) || (pos < 17 && c == 'X')) {
                    continue;
                }
                String changed = valid.substring(0, pos) + c + valid.substring(pos + 1);
                assertFalse(IdNumber.isValid(changed), () -> "accepted " + changed);
                checked++;
            }
        }
        assertEquals(17 * 9 + 10, checked);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "110105194902300015",
                "110105194913010011",
                "110105200000000014",
                "110105190002290019",
                "110105201902290012"
            })
    void rejectsImpossibleBirthDates(String bad) {
        // Check digits made right, so the date alone is at fault.
        String first17 = bad.substring(0, 17);
        String number = first17 + IdNumber.checkDigit(first17);
        assertEquals(Optional.of(IdNumber.Problem.BAD_DATE), IdNumber.check(number));
    }

    @Test
    void acceptsALeapDay() {
        String first17 = "11010520000229001";
        assertTrue(IdNumber.isValid(first17 + IdNumber.checkDigit(first17)));
    }

    @Test
    void namesTheProblem() {
        assertEquals(Optional.of(IdNumber.Problem.WRONG_LENGTH), IdNumber.check("1101051949123100"));
        assertEquals(Optional.of(IdNumber.Problem.BAD_CHARACTERS), IdNumber.check("1101051949123100AX"));
        assertEquals(Optional.of(IdNumber.Problem.BAD_CHECK_DIGIT), IdNumber.check("110105194912310021"));
    }

    @Test
    void masksAllButTheRegion() {
        assertEquals("110105************", IdNumber.mask("11010519491231002X"));
        assertEquals("", IdNumber.mask(null));
    }
}
