package org.huyou.donations;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.huyou.common.Checks;
import org.huyou.common.FieldError;
import org.huyou.common.Messages;
import org.huyou.donations.LedgerService.NewDonor;
import org.huyou.security.AuditLog;
import org.huyou.security.AuditSummary;
import org.huyou.security.ServiceBase;
import org.huyou.security.ServiceContext;

/**
 * The donor register: finding donors as the pickers ask, adding one from the form, and a home's register moving
 * in. The permission is checked by {@link LedgerService}, which callers use; the checks and audit rows are here.
 */
final class DonorRegister extends ServiceBase {

    private final LedgerRepository repo;

    DonorRegister(LedgerRepository repo, ServiceContext context) {
        super(context);
        this.repo = repo;
    }

    List<Donor> find(String query, int limit) {
        return repo.registers().donors(query, limit);
    }

    Map<Long, String> names(Collection<Long> ids) {
        return ids.isEmpty() ? Map.of() : repo.registers().donorNames(ids);
    }

    Donor create(NewDonor donor) {
        Checks checks = new Checks(today());
        Donor d = checked(checks, donor);
        checks.throwIfAny();
        return tx.inTransaction(() -> {
            long id = repo.registers().insertDonor(d, user.username(), now());
            audit.record(AuditLog.CREATE, "donor", id, AuditSummary.of("auditSummary.value", donor.kind()), null);
            return repo.registers().donor(id).orElseThrow();
        });
    }

    /** The donor form's checks; the donor as stored (an anonymous one named 爱心人士 and listed anonymously). */
    static Donor checked(Checks checks, NewDonor d) {
        checks.required("kind", "donor.kind", d.kind());
        checks.required("naming", "donor.naming", d.naming());
        String n = checks.text(
                "name",
                "donor.name",
                d.kind() == Donor.Kind.ANONYMOUS
                                && (d.name() == null || d.name().isBlank())
                        ? Messages.t("donor.anonymousPublic")
                        : d.name(),
                200,
                true);
        String p = checks.phone("phone", "donor.phone", d.phone(), false);
        String a = checks.text("address", "donor.address", d.address(), 300, false);
        String c = checks.text("contactPerson", "donor.contactPerson", d.contactPerson(), 100, false);
        String o = checks.lines("note", "donor.note", d.note(), 500, false);
        Donor.Naming wish = d.kind() == Donor.Kind.ANONYMOUS ? Donor.Naming.ANONYMOUS : d.naming();
        return new Donor(0, d.kind(), n, wish, p, a, c, o, 0);
    }

    Map<Integer, List<FieldError>> refusals(List<NewDonor> donors) {
        return checkedDonors(donors).problems();
    }

    private record CheckedDonors(List<Donor> donors, Map<Integer, List<FieldError>> problems) {}

    private CheckedDonors checkedDonors(List<NewDonor> list) {
        List<Donor> clean = new ArrayList<>(list.size());
        Map<Integer, List<FieldError>> problems = new TreeMap<>();
        for (int i = 0; i < list.size(); i++) {
            Checks checks = new Checks(today());
            clean.add(checked(checks, list.get(i)));
            if (!checks.errors().isEmpty()) {
                problems.put(i, new ArrayList<>(checks.errors()));
            }
        }
        Set<String> taken = new HashSet<>();
        for (Donor d : repo.registers()
                .donorsNamed(clean.stream()
                        .map(Donor::name)
                        .filter(Objects::nonNull)
                        .distinct()
                        .toList())) {
            taken.add(sameDonor(d));
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < clean.size(); i++) {
            Donor d = clean.get(i);
            if (d.name() == null || d.kind() == Donor.Kind.ANONYMOUS || problems.containsKey(i)) {
                continue;
            }
            String key = sameDonor(d);
            Checks checks = new Checks(today());
            checks.unique("name", seen.putIfAbsent(key, i), taken.contains(key), "donorImport.taken", d.name());
            checks.addTo(problems, i);
        }
        return new CheckedDonors(clean, problems);
    }

    /** Who a donor is, for telling the same one given twice: the name and the phone's digits. */
    private static String sameDonor(Donor d) {
        return d.name().strip() + '\u0000' + (d.phone() == null ? "" : d.phone().replaceAll("\\D", ""));
    }

    int importAll(List<NewDonor> donors, String source) {
        return tx.inTransaction(() -> {
            CheckedDonors checked = checkedDonors(donors);
            RowProblems.throwIfAny(checked.problems());
            String actor = user.username();
            LocalDateTime at = now();
            List<AuditLog.Change> changes = new ArrayList<>(donors.size() + 1);
            for (Donor d : checked.donors()) {
                long id = repo.registers().insertDonor(d, actor, at);
                changes.add(new AuditLog.Change(
                        AuditLog.CREATE, "donor", id, AuditSummary.of("auditSummary.value", d.kind()), null));
            }
            changes.add(new AuditLog.Change(
                    AuditLog.IMPORT,
                    "donor",
                    null,
                    AuditSummary.of("auditSummary.donorsImported", source, donors.size()),
                    null));
            audit.recordAll(changes);
            return donors.size();
        });
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Seconds, as the ledger keeps its times. */
    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }
}
