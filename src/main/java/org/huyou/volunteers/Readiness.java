package org.huyou.volunteers;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;

/**
 * Whether a volunteer may be put on an activity: with children present, the latest criminal-record inquiry must be
 * clear and valid on the day; the trainings the activity's type requires must have been attended by then. The reason
 * is the message the coordinator sees.
 */
final class Readiness {

    private Readiness() {}

    static Optional<UserFacingException> problem(
            Volunteer v,
            Optional<BackgroundCheck> latest,
            Set<String> courses,
            Collection<String> required,
            LocalDate day,
            boolean withChildren) {
        if (withChildren) {
            Optional<UserFacingException> check = checkProblem(v, latest, day);
            if (check.isPresent()) {
                return check;
            }
        }
        List<String> missing =
                required.stream().filter(c -> !courses.contains(c)).sorted().toList();
        return missing.isEmpty()
                ? Optional.empty()
                : Optional.of(new UserFacingException("volunteer.trainingMissing", v.name(), Messages.list(missing)));
    }

    static Optional<UserFacingException> checkProblem(Volunteer v, Optional<BackgroundCheck> latest, LocalDate day) {
        if (latest.isEmpty()) {
            return Optional.of(new UserFacingException("volunteer.noCheck", v.name()));
        }
        BackgroundCheck c = latest.get();
        if (c.clearOn(day)) {
            return Optional.empty();
        }
        return Optional.of(
                switch (c.result()) {
                    case PENDING ->
                        new UserFacingException(
                                "volunteer.checkPending",
                                v.name(),
                                c.checkedOn().toString());
                    case RECORD_FOUND -> new UserFacingException("volunteer.checkNotClear", v.name());
                    case CLEAR ->
                        c.checkedOn().isAfter(day)
                                ? new UserFacingException(
                                        "volunteer.checkAfterDay",
                                        v.name(),
                                        c.checkedOn().toString())
                                : new UserFacingException(
                                        "volunteer.checkExpired",
                                        v.name(),
                                        c.validUntil().toString(),
                                        day.toString());
                });
    }
}
