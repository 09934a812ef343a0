package org.huyou.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The one check every typed text passes ({@link Checks#text}, {@link Checks#lines}): a name with a right-to-left
 * override (U+202E) showed reversed on screens, receipts and PDFs. Every bidi control, zero-width and C0/C1 control
 * character is refused in a sentence naming the field; tabs and line breaks only in multi-line text.
 */
public class HiddenTextChecksTest {

    /** One of each kind the tester found, and their neighbours. */
    public static final List<String> HIDDEN = List.of(
            "\u202E", "\u202A", "\u202B", "\u202C", "\u202D", // embeddings and overrides
            "\u200E", "\u200F", "\u061C", // direction marks
            "\u2066", "\u2067", "\u2068", "\u2069", // isolates
            "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", // zero-width
            "\u0000", "\u0007", "\u001B", "\u007F", // C0 and DEL
            "\u0080", "\u0085", "\u009B", // C1
            "\u2028", "\u2029", // line and paragraph separators
            "\uD800"); // half a surrogate pair

    private static final List<String> LINE_BREAKS = List.of("\t", "\n", "\r\n");

    private Locale before;

    @BeforeEach
    void chinese() {
        before = Messages.locale();
        Messages.use(Messages.CHINESE);
    }

    @AfterEach
    void back() {
        Messages.use(before);
    }

    @Test
    void everyHiddenCharacterIsRefusedNamingTheField() {
        for (String h : HIDDEN) {
            // at either end a separator (U+2028/9) is whitespace, stripped as spaces are: only what stays is checked
            List<String> values = Character.isWhitespace(h.codePointAt(0))
                    ? List.of("张" + h + "三")
                    : List.of("张" + h + "三", "张三" + h, h + "张三");
            for (String value : values) {
                Checks checks = new Checks(LocalDate.of(2026, 11, 23));
                checks.text("name", "field.name", value, 50, true);
                checks.lines("note", "field.note", value, 500, false);
                assertEquals(
                        List.of("姓名含有不可见或改变文字方向的字符，请删除后再保存。", "备注含有不可见或改变文字方向的字符，请删除后再保存。"),
                        checks.errors().stream().map(FieldError::message).toList(),
                        () -> "U+" + Integer.toHexString(h.charAt(0)));
                assertEquals(
                        List.of("name", "note"),
                        checks.errors().stream().map(FieldError::field).toList());
            }
        }
    }

    @Test
    void aLineBreakOrTabPassesInANoteButNotInAName() {
        for (String br : LINE_BREAKS) {
            Checks checks = new Checks(LocalDate.of(2026, 11, 23));
            checks.text("name", "field.name", "张" + br + "三", 50, true);
            String note = checks.lines("note", "field.note", "第一行" + br + "第二行", 500, false);
            assertEquals(
                    List.of("name"),
                    checks.errors().stream().map(FieldError::field).toList());
            assertEquals("第一行" + br + "第二行", note, "kept as typed");
        }
    }

    /**
     * Text stored before the rule (an older home, a PostgreSQL row) shows each hidden character as □ in every table
     * column and choice box made the house's way, and in the file's header: never reversed, never invisible.
     */
    @Test
    void storedTextShowsEachHiddenCharacterAsAPlaceholderOnScreens() {
        for (String h : HIDDEN) {
            String stored = "王" + h + "明";
            assertEquals("王□明", HiddenCharacters.shown(stored), Integer.toHexString(h.codePointAt(0)));
            javafx.scene.control.TableColumn<String, String> column =
                    org.huyou.common.ui.Columns.text("residents.col.name", t -> t, 90);
            assertEquals(
                    "王□明",
                    column.getCellValueFactory()
                            .call(new javafx.scene.control.TableColumn.CellDataFeatures<>(null, column, stored))
                            .getValue());
            assertEquals(
                    "王□明", org.huyou.common.ui.Converters.<String>of(t -> t).toString(stored));
        }
        assertEquals("第一行\n第二行\t完", HiddenCharacters.shown("第一行\n第二行\t完"), "a note's lines stay");
        assertEquals("张三", HiddenCharacters.shown("张三"));
    }

    @Test
    void ordinaryTextPasses() {
        Checks checks = new Checks(LocalDate.of(2026, 11, 23));
        for (String ok : List.of("张三", "欧阳·娜娜", "O'Brien-Smith", "Zoë Ångström", "买买提·艾力", "𠮷野家", "小明 😀")) {
            assertEquals(ok, checks.text("name", "field.name", "  " + ok + " ", 50, true));
        }
        assertNull(checks.text("name", "field.name", "   ", 50, false));
        assertEquals(List.of(), checks.errors());
    }

    @Test
    void theSentenceIsEnglishInEnglish() {
        Messages.use(Messages.ENGLISH);
        Checks checks = new Checks(LocalDate.of(2026, 11, 23));
        checks.text("name", "field.name", "abc\u202Edef", 50, true);
        String message = checks.errors().get(0).message();
        assertTrue(message.startsWith(Messages.t("field.name") + " contains invisible or direction-changing"), message);
    }

    @Test
    void aReasonIsRefusedWithItsOwnSentence() {
        for (String h : HIDDEN) {
            FieldError e = OverrideReasons.problem("reason", "医生已确认" + h + "皮试阴性", 4, "check.reasonNotWords");
            assertEquals("理由含有不可见或改变文字方向的字符，请删除后再保存。", e.message());
            ValidationException v =
                    assertThrows(ValidationException.class, () -> HiddenCharacters.checkReason("写错了" + h));
            assertEquals("reason", v.errors().get(0).field());
        }
        HiddenCharacters.checkReason("写错了\n重新登记");
        assertNull(OverrideReasons.problem("reason", "医生已确认\n皮试阴性", 4, "check.reasonNotWords"));
    }
}
