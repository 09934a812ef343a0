package org.huyou.residents;

import java.time.LocalDate;
import org.huyou.common.Gender;

/** One row of the register list: what the list shows and nothing more. The ID number is held masked. */
public record ResidentSummary(
        long id,
        String recordNo,
        String name,
        Gender gender,
        LocalDate birthDate,
        boolean birthDateEstimated,
        String maskedIdNumber,
        Category category,
        String livingGroup,
        DisabilityType disabilityType,
        Integer disabilityGrade,
        ResidentStatus status,
        LocalDate admissionDate) {}
