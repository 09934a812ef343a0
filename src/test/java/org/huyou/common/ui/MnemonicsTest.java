package org.huyou.common.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** How a main button's Alt letter is shown in each language. */
class MnemonicsTest {

    @Test
    void chineseShowsTheLetterAfterTheTextAndBeforeAnEllipsis() {
        assertEquals("新建档案(_N)", Mnemonics.marked("新建档案", 'n', Locale.SIMPLIFIED_CHINESE));
        assertEquals("导入(_I)…", Mnemonics.marked("导入…", 'I', Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void englishUnderlinesTheLetterInTheWordOrAddsIt() {
        assertEquals("_New record", Mnemonics.marked("New record", 'N', Locale.ENGLISH));
        assertEquals("Record and _print", Mnemonics.marked("Record and print", 'P', Locale.ENGLISH));
        assertEquals("Save(_Q)", Mnemonics.marked("Save", 'Q', Locale.ENGLISH));
    }

    @Test
    void anUnderscoreInTheTextIsShownNotTakenAsTheMark() {
        assertEquals("a__b(_C)", Mnemonics.marked("a_b", 'C', Locale.SIMPLIFIED_CHINESE));
    }
}
