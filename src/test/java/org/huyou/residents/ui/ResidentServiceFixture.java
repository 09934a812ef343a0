package org.huyou.residents.ui;

import java.time.LocalDate;
import org.huyou.common.Gender;
import org.huyou.residents.AdmissionSource;
import org.huyou.residents.Category;
import org.huyou.residents.DisabilityType;
import org.huyou.residents.Guardianship;
import org.huyou.residents.Resident;

public final class ResidentServiceFixture {

    private ResidentServiceFixture() {}

    public static Resident draft(String name) {
        return new Resident(
                null,
                null,
                null,
                name,
                null,
                Gender.FEMALE,
                LocalDate.of(2016, 4, 8),
                false,
                "01",
                null,
                null,
                Category.ORPHAN,
                LocalDate.of(2020, 1, 10),
                AdmissionSource.CIVIL_AFFAIRS,
                null,
                DisabilityType.NONE,
                null,
                Guardianship.CIVIL_AFFAIRS_LONG_TERM,
                null,
                null,
                null);
    }
}
