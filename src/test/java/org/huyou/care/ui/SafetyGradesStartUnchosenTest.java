package org.huyou.care.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A severity or risk grade on a safety record (an allergy, an incident, a risk assessment) starts unchosen in every
 * form: a preset 中度 or 低风险 is a guess that passes unread. The services require it, so an unchosen one is refused
 * naming the field. Read from the ViewModels' source, so a form added later with a preset grade fails here.
 */
class SafetyGradesStartUnchosenTest {

    /** A property of a grade's type given a value where it is declared. */
    private static final Pattern PRESET = Pattern.compile(
            "ObjectProperty<([\\w.]*(Severity|RiskGrade))>\\s+(\\w+)\\s*=\\s*new SimpleObjectProperty<>\\(\\s*[^)\\s]");

    @Test
    void noFormPresetsASeverityOrRiskGrade() throws IOException {
        List<String> preset = new ArrayList<>();
        int grades = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/huyou"))) {
            for (Path f :
                    files.filter(p -> p.toString().endsWith("ViewModel.java")).toList()) {
                String source = Files.readString(f, StandardCharsets.UTF_8);
                grades += (int) Pattern.compile("ObjectProperty<[\\w.]*(Severity|RiskGrade)>")
                        .matcher(source)
                        .results()
                        .count();
                Matcher m = PRESET.matcher(source);
                while (m.find()) {
                    preset.add(f.getFileName() + ": " + m.group(3));
                }
            }
        }
        assertTrue(grades >= 4, "the allergy's, the incident's and the assessment's two grades are found: " + grades);
        assertEquals(List.of(), preset, "grades preset on a safety form");
    }
}
