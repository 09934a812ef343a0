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

    /**
     * What stops a volunteer, if anything: the background check (children present) and the trainings, apart.
     * {@code checkOverridable}: the check's problem may be set aside with a reason (none yet, pending, run out); a
     * record found never may.
     */
    record Verdict(
            Optional<UserFacingException> check, boolean checkOverridable, Optional<UserFacingException> training) {

        /** The first problem, as the coordinator reads it. */
        Optional<UserFacingException> problem() {
            return check.isPresent() ? check : training;
        }

        /** Only the check stands in the way, and it is one that may be set aside with a reason. */
        boolean overridable() {
            return check.isPresent() && checkOverridable && training.isEmpty();
        }
    }

    static Verdict verdict(
            Volunteer v,
            Optional<BackgroundCheck> latest,
            Set<String> courses,
            Collection<String> required,
            LocalDate day,
            boolean withChildren) {
        Optional<UserFacingException> check = withChildren ? checkProblem(v, latest, day) : Optional.empty();
        boolean overridable = check.isPresent()
                && latest.map(c -> c.result() != BackgroundCheck.Result.RECORD_FOUND)
                        .orElse(true);
        List<String> missing =
                required.stream().filter(c -> !courses.contains(c)).sorted().toList();
        Optional<UserFacingException> training = missing.isEmpty()
                ? Optional.empty()
                : Optional.of(new UserFacingException("volunteer.trainingMissing", v.name(), Messages.list(missing)));
        return new Verdict(check, overridable, training);
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
