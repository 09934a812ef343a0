package org.huyou.care.medical;

import java.util.function.Function;
import org.huyou.care.CareDomain;
import org.huyou.care.TimelineEntry;
import org.huyou.care.TimelineSource;
import org.huyou.security.AppModule;
import org.huyou.security.CurrentUser;

/** Allergies and medical records are both the medical part's on the timeline, seen by who may view medical records. */
final class MedicalTimeline {

    private MedicalTimeline() {}

    static <T> TimelineSource rows(CurrentUser user, TimelineSource.RowPage<T> rows, Function<T, TimelineEntry> entry) {
        return TimelineSource.rows(user, CareDomain.MEDICAL, AppModule.MEDICAL, rows, entry);
    }
}
