package org.huyou.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.huyou.residents.AdmissionSource;
import org.huyou.residents.Category;
import org.huyou.residents.DisabilityType;
import org.huyou.residents.Guardianship;
import org.huyou.residents.Resident;
import org.huyou.residents.ResidentValidator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An empty required date says which date to enter (请填写出生日期), never the bare 此项必填 or "出生日期：必填". */
class RequiredDateMessagesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @AfterEach
    void chinese() {
        Messages.use(Messages.CHINESE);
    }

    @Test
    void aRequiredDateThroughChecksIsNamedInASentence() {
        Messages.use(Messages.CHINESE);
        Checks checks = new Checks(TODAY);
        checks.required("start", "carePlan.start", (LocalDate) null);
        checks.pastDate("date", "incident.date", null);
        checks.required("note", "incident.date", (String) null); // not a date: the short form stays
        assertEquals(
                List.of("请填写开始日期。", "请填写发生日期。", "发生日期：必填。"),
                checks.errors().stream().map(FieldError::message).toList());
        Messages.use(Messages.ENGLISH);
        Checks english = new Checks(TODAY);
        english.required("start", "carePlan.start", (LocalDate) null);
        assertEquals("Start date: enter the date.", english.errors().get(0).message());
    }

    @Test
    void theResidentFormsEmptyDatesSayWhichDate() {
        Messages.use(Messages.CHINESE);
        Resident r = new Resident(
                null,
                null,
                null,
                "周小宝",
                null,
                Gender.MALE,
                null,
                false,
                null,
                null,
                null,
                Category.ORPHAN,
                null,
                AdmissionSource.CIVIL_AFFAIRS,
                null,
                DisabilityType.NONE,
                null,
                Guardianship.CIVIL_AFFAIRS_LONG_TERM,
                null,
                null,
                null);
        List<String> said = ResidentValidator.validate(r, TODAY).stream()
                .map(FieldError::message)
                .toList();
        assertTrue(said.contains("请填写出生日期。"), said::toString);
        assertTrue(said.contains("请填写入院日期。"), said::toString);
        Messages.use(Messages.ENGLISH);
        said = ResidentValidator.validate(r, TODAY).stream()
                .map(FieldError::message)
                .toList();
        assertTrue(said.contains("Enter the date of birth."), said::toString);
    }

    /** The next service that checks a date by hand: its empty date must not fall back to the bare 此项必填. */
    @Test
    void noDateFieldIsCheckedWithTheBareRequiredMessage() throws IOException {
        Pattern bare = Pattern.compile(
                "FieldError\\(\"(\\w*(?:[Dd]ate|[Ff]rom|[Ss]tart|[Dd]ue|On|At))\"," + "\\s*\"validation\\.required\"");
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = bare.matcher(Files.readString(f));
                while (m.find()) {
                    found.add(f.getFileName() + ": " + m.group(1));
                }
            }
        }
        assertTrue(found.isEmpty(), () -> "dates that say only 此项必填: " + found);
    }
}
