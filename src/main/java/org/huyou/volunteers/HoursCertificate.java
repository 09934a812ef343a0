package org.huyou.volunteers;

import java.time.LocalDate;
import java.util.List;

/**
 * A certificate of service hours (志愿服务时长证明) as it is printed: the home, the volunteer, the period, each shift
 * served in it and the day it is issued.
 */
public record HoursCertificate(
        String homeName,
        Volunteer volunteer,
        LocalDate from,
        LocalDate to,
        List<ShiftRepository.Served> served,
        LocalDate issued) {}
