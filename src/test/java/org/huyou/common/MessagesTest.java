package org.huyou.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void bothLanguagesHaveTheSameKeys() {
        ResourceBundle zh = Messages.load(Messages.CHINESE);
        ResourceBundle en = Messages.load(Messages.ENGLISH);
        assertEquals(new TreeSet<>(zh.keySet()), new TreeSet<>(en.keySet()));
        assertEquals("护佑", zh.getString("app.title"));
    }

    /** Every literal key the code asks for exists, so no user ever sees "!key!". */
    @Test
    void everyKeyUsedInTheCodeExists() throws IOException {
        Pattern call = Pattern.compile("Messages\\.t\\(\"([a-zA-Z0-9_.]*[a-zA-Z0-9_])\"");
        Set<String> missing = new TreeSet<>();
        ResourceBundle zh = Messages.load(Messages.CHINESE);
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = call.matcher(Files.readString(f));
                while (m.find()) {
                    if (!zh.containsKey(m.group(1))) {
                        missing.add(m.group(1) + " in " + f.getFileName());
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), () -> "missing keys: " + missing);
    }

    @Test
    void everyCodedValueHasALabel() {
        ResourceBundle zh = Messages.load(Messages.CHINESE);
        for (Class<? extends Coded> type : java.util.List.of(Gender.class, org.huyou.residents.Category.class,
                org.huyou.residents.AdmissionSource.class, org.huyou.residents.DisabilityType.class,
                org.huyou.residents.Guardianship.class, org.huyou.residents.ResidentStatus.class,
                org.huyou.residents.AgeBand.class)) {
            for (Coded c : type.getEnumConstants()) {
                assertTrue(zh.containsKey(c.labelPrefix() + "." + c.name()), c.labelPrefix() + "." + c.name());
            }
        }
    }
}
