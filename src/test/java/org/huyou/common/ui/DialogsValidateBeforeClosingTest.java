package org.huyou.common.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every dialog of the app is made by DialogService.dialog() (ArchitectureTest). A dialog with input saves through
 * {@link SaveButtons}: its save is checked before the dialog closes, so a refusal keeps what was typed, and a close
 * request asks before typed text is lost. A dialog that closed on its button and checked afterwards (添加药品 lost its
 * name and ingredient with "类别：必填。") fails here: each file's dialogs are counted against its SaveButtons, and a
 * dialog without one must be listed below with why it has nothing to check.
 */
class DialogsValidateBeforeClosingTest {

    private static final Path MAIN = Path.of("src/main/java");

    /** Dialogs that save nothing typed, per file, with the reason. */
    private static final Map<String, Integer> WITHOUT_INPUT = Map.of(
            // the new recovery key, shown once; closed only after ticking that it is written down
            "org/huyou/shell/SettingsView.java", 1,
            // theirs or mine, per field: ticks only, the merge is saved by the form's own save
            "org/huyou/common/ui/ConflictDialog.java", 1,
            // a questionnaire's answers: radio buttons, 保存 enabled only once all are answered
            "org/huyou/care/ui/QuestionnaireDialog.java", 1,
            // a care entry chosen from a list to link a document to
            "org/huyou/documents/ui/DocumentsPart.java", 1,
            // viewers: nothing to type
            "org/huyou/documents/ui/LinkedDocuments.java", 1,
            "org/huyou/documents/ui/DocumentViewer.java", 1,
            // an import: the file's path and its columns; nothing is saved until the import button, which stays open
            "org/huyou/common/ui/ImportDialog.java", 1,
            // showText: a read-only text; confirmByTyping: a word typed to enable the step (a restore's loss), its
            // button off until it matches, nothing to keep when closed
            "org/huyou/common/ui/DialogService.java", 2);

    private static final Pattern MADE = Pattern.compile("=\\s*(?:\\w+\\.)?dialog\\(\\)");
    private static final Pattern SAVED = Pattern.compile("SaveButtons\\.(?:addTo|on)\\(");

    @Test
    void everyDialogWithInputChecksItsSaveBeforeClosing() throws IOException {
        Map<String, int[]> counts = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String src = Files.readString(f);
                String name = MAIN.relativize(f).toString().replace('\\', '/');
                int made = count(MADE, src);
                if (made > 0) {
                    counts.put(name, new int[] {made, count(SAVED, src)});
                }
            }
        }
        assertTrue(counts.size() >= 10, "the scan finds the app's dialogs: " + counts.keySet());
        List<String> unchecked = new ArrayList<>();
        counts.forEach((file, c) -> {
            int allowed = c[1] + WITHOUT_INPUT.getOrDefault(file, 0);
            if (c[0] > allowed) {
                unchecked.add(file + ": " + c[0] + " dialogs, " + c[1] + " with SaveButtons");
            }
        });
        assertEquals(
                List.of(),
                unchecked,
                "a dialog with input saves through SaveButtons (checked before closing), or is listed with why");
        for (String listed : WITHOUT_INPUT.keySet()) {
            assertTrue(counts.containsKey(listed), listed + " no longer makes a dialog: take it off the list");
        }
    }

    private static int count(Pattern p, String src) {
        Matcher m = p.matcher(src);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
