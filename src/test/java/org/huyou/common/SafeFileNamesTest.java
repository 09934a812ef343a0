package org.huyou.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.huyou.common.io.SafeFileNames;
import org.junit.jupiter.api.Test;

class SafeFileNamesTest {

    static final List<String> HOSTILE = List.of(
            "x/../../../escaped",
            "..\\..\\windows\\system32",
            "..",
            ".",
            "",
            "   ",
            "a\u0000b",
            "a\nb\rc\td",
            "CON",
            "con",
            "Con.txt",
            "NUL",
            "com1",
            "COM9.tar",
            "lpt1",
            "LPT9 ",
            "aux.",
            "name. . .",
            "name   ",
            "<>:\"|?*",
            "evil\u202Efdp.exe",
            "zero\u200Bwidth",
            "/etc/passwd",
            "C:\\Windows\\win.ini",
            "~/x",
            "a".repeat(500),
            "张".repeat(500),
            "😀".repeat(200),
            "\uD800lone");

    @Test
    void keepsOrdinaryNames() {
        assertEquals("安置计划-2020-0001-张小红.pdf", SafeFileNames.of("安置计划-2020-0001-张小红", "pdf"));
        assertEquals("receipt 2026-000123.pdf", SafeFileNames.of("receipt 2026-000123", "pdf"));
        assertEquals("v1.2 plan.xlsx", SafeFileNames.of("v1.2 plan", "xlsx"));
    }

    @Test
    void makesEveryHostileNameSafe() {
        for (String text : HOSTILE) {
            String name = SafeFileNames.of(text, "pdf");
            String base = name.substring(0, name.length() - 4);
            assertTrue(name.endsWith(".pdf"), name);
            assertFalse(base.isEmpty(), text);
            assertTrue(name.chars().noneMatch(c -> "/\\<>:\"|?*".indexOf(c) >= 0 || c < 32), name);
            assertFalse(name.contains(".."), name);
            assertFalse(base.endsWith(".") || base.endsWith(" ") || base.startsWith("."), name);
            assertFalse(name.codePoints().anyMatch(c -> Character.getType(c) == Character.FORMAT), name);
            assertTrue(name.length() <= 120, name);
            assertTrue(name.getBytes(StandardCharsets.UTF_8).length <= 240, name);
            String stem = base.contains(".") ? base.substring(0, base.indexOf('.')) : base;
            assertFalse(stem.strip().toUpperCase().matches("CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9]"), name);
            assertEquals(
                    name,
                    new String(name.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8),
                    "no character cut in two: " + name);
        }
        assertEquals("x_._._._escaped.pdf", SafeFileNames.of("x/../../../escaped", "pdf"));
        assertEquals("_CON.pdf", SafeFileNames.of("CON", "pdf"));
        assertEquals("_com1.tar.pdf", SafeFileNames.of("com1.tar", "pdf"));
        assertEquals("file.pdf", SafeFileNames.of("..", "pdf"));
        assertEquals("file.pdf", SafeFileNames.of(null, "pdf"));
        assertEquals("CONTRACT.pdf", SafeFileNames.of("CONTRACT", "pdf"), "only the device names themselves");
        assertEquals(120, SafeFileNames.of("a".repeat(500), "pdf").length());
        assertEquals("😀".repeat(58) + ".pdf", SafeFileNames.of("😀".repeat(200), "pdf"), "whole characters");
        assertEquals("张".repeat(78) + ".pdf", SafeFileNames.of("张".repeat(500), "pdf"), "240 bytes of UTF-8");
    }

    @Test
    void theFileStaysInItsFolder(@org.junit.jupiter.api.io.TempDir Path dir) {
        for (String text : HOSTILE) {
            Path file = SafeFileNames.inside(dir.resolve("out"), text, "pdf");
            assertEquals(dir.resolve("out").toAbsolutePath().normalize(), file.getParent(), text);
        }
        assertThrows(IllegalArgumentException.class, () -> SafeFileNames.of("x", "pdf/../x"));
        assertThrows(IllegalArgumentException.class, () -> SafeFileNames.of("x", ""));
    }

    @Test
    void aUniqueNameNumbersItselfAfterTheCutSoALongTitleEndsItsSeriesOfCopies(
            @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String title = "张".repeat(200);
        Path first = SafeFileNames.unique(dir, title, "pdf");
        java.nio.file.Files.createFile(first);
        Path second = SafeFileNames.unique(dir, title, "pdf");
        java.nio.file.Files.createFile(second);
        Path third = SafeFileNames.unique(dir, title, "pdf");
        assertTrue(second.getFileName().toString().endsWith(" (2).pdf"), second.toString());
        assertTrue(third.getFileName().toString().endsWith(" (3).pdf"), third.toString());
        for (Path p : List.of(first, second, third)) {
            String name = p.getFileName().toString();
            assertEquals(dir.toAbsolutePath().normalize(), p.getParent());
            assertTrue(name.length() <= 120 && name.getBytes(StandardCharsets.UTF_8).length <= 240, name);
        }
        assertEquals(
                "报告.pdf", SafeFileNames.unique(dir, "报告", "pdf").getFileName().toString());
        java.nio.file.Files.createFile(dir.resolve("报告.pdf"));
        assertEquals(
                "报告 (2).pdf",
                SafeFileNames.unique(dir, "报告", "pdf").getFileName().toString(),
                "the number goes before the extension");
    }

    @Test
    void plainTextHasNoSeparatorOrControl() {
        assertTrue(SafeFileNames.plain("2020-0001"));
        assertTrue(SafeFileNames.plain("滨福(2020)第1号"));
        for (String bad : List.of("x/y", "x\\y", "a\u0000", "a\nb", "a\tb", "a\u202Eb")) {
            assertFalse(SafeFileNames.plain(bad), bad);
        }
    }
}
