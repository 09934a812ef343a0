package org.huyou.generate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.huyou.common.EntryTrail;
import org.huyou.common.Gender;
import org.huyou.common.IdNumber;
import org.huyou.residents.AdmissionSource;
import org.huyou.residents.Category;
import org.huyou.residents.DisabilityType;
import org.huyou.residents.Ethnicity;
import org.huyou.residents.Guardianship;
import org.huyou.residents.Resident;
import org.huyou.residents.ResidentRepository;
import org.huyou.residents.ResidentStatus;
import org.huyou.residents.StatusEvent;
import org.huyou.residents.demo.DemoHome;

/**
 * Residents admitted over the years, as a large home's register looks after a long history: most of them have left
 * (adopted, transferred, or as adults at eighteen), a few thousand are in care. The first is the long-stay child,
 * admitted as a newborn seventeen and a half years ago.
 */
final class StressResidents {

    private static final String[] REGIONS = {"371602", "371603", "371621", "371622", "371623", "371625", "371681"};
    private static final int CHUNK = 2_000;

    private final ResidentRepository repo;
    private final LocalDate today;
    private final Random rnd;
    private final Set<String> idNumbers = new HashSet<>();
    private final Map<Integer, Integer> perYear = new HashMap<>();

    StressResidents(ResidentRepository repo, LocalDate today, Random rnd) {
        this.repo = repo;
        this.today = today;
        this.rnd = rnd;
    }

    /** Builds and inserts {@code count} residents in batches, each batch in the caller's chunk transaction. */
    List<Stay> insert(int count, int years, List<Long> groups, ChunkRunner chunks) {
        List<Stay> stays = new ArrayList<>(count);
        LocalDateTime now = today.atTime(8, 0);
        for (int from = 0; from < count; from += CHUNK) {
            int to = Math.min(count, from + CHUNK);
            List<Resident> residents = new ArrayList<>();
            List<StatusEvent> events = new ArrayList<>();
            for (int i = from; i < to; i++) {
                long id = i + 1L;
                Resident r = resident(id, i == 0, years, groups);
                Stay stay = stay(r, i == 0);
                residents.add(r);
                stays.add(stay);
                events.add(event(id, ResidentStatus.IN_CARE, r.admissionDate(), null));
                if (stay.departure() != null) {
                    events.add(event(id, stay.leftAs(), stay.departure(), null));
                }
            }
            chunks.run(() -> {
                repo.insertAll(residents, StressRepository.GENERATOR, now);
                repo.insertStatusEvents(events, StressRepository.GENERATOR, now);
            });
        }
        chunks.run(repo::continueIdsAfterMax);
        return stays;
    }

    private Resident resident(long id, boolean longStay, int years, List<Long> groups) {
        Category category = longStay ? Category.ABANDONED_INFANT : DemoHome.pickCategory(rnd);
        Gender gender = rnd.nextInt(100) < 55 ? Gender.MALE : Gender.FEMALE;
        boolean foundling = category == Category.ABANDONED_INFANT;
        LocalDate admission;
        LocalDate birth;
        if (longStay) {
            birth = today.minusYears(17).minusMonths(6);
            admission = birth.plusDays(5);
        } else {
            admission = today.minusDays(rnd.nextInt(years * 365));
            birth = foundling
                    ? admission.minusDays(3 + rnd.nextInt(60))
                    : admission.minusDays(30 + rnd.nextInt(16 * 365));
        }
        String region = REGIONS[rnd.nextInt(REGIONS.length)];
        String idNumber = foundling && rnd.nextInt(100) < 30 ? null : uniqueIdNumber(region, birth, gender);
        DisabilityType disability = DemoHome.pickDisability(rnd);
        Integer grade = disability == DisabilityType.NONE ? null : 1 + rnd.nextInt(4);
        String name = (foundling && rnd.nextInt(100) < 40 ? (rnd.nextBoolean() ? "党" : "滨") : DemoHome.surname(rnd))
                + DemoHome.givenName(rnd, gender);
        Guardianship guardianship = category == Category.TEMPORARY_GUARDIANSHIP
                ? Guardianship.CIVIL_AFFAIRS_TEMPORARY
                : Guardianship.CIVIL_AFFAIRS_LONG_TERM;
        AdmissionSource source = foundling
                ? AdmissionSource.POLICE
                : rnd.nextInt(100) < 25 ? AdmissionSource.TRANSFER_IN : AdmissionSource.CIVIL_AFFAIRS;
        // Numbered per admission year as the register numbers them (2024-0001, ...), in the order generated.
        String recordNo =
                admission.getYear() + "-" + String.format("%04d", perYear.merge(admission.getYear(), 1, Integer::sum));
        return new Resident(
                id,
                0,
                recordNo,
                name,
                null,
                gender,
                birth,
                foundling && rnd.nextBoolean(),
                rnd.nextInt(100) < 94 ? Ethnicity.HAN : "03",
                idNumber,
                null,
                category,
                admission,
                source,
                null,
                disability,
                grade,
                guardianship,
                null,
                groups.get(rnd.nextInt(groups.size())),
                null);
    }

    /** When and how the child left: adopted young, transferred, or as an adult at eighteen; else still here. */
    private Stay stay(Resident r, boolean longStay) {
        LocalDate eighteen = r.birthDate().plusYears(18);
        LocalDate departure = null;
        ResidentStatus how = null;
        int roll = rnd.nextInt(100);
        if (!longStay && roll < 20) {
            departure = r.admissionDate().plusDays(60 + rnd.nextInt(4 * 365));
            how = roll < 15
                    ? ResidentStatus.ADOPTED
                    : roll < 19 ? ResidentStatus.TRANSFERRED_OUT : ResidentStatus.DECEASED;
        }
        if (departure == null || departure.isAfter(eighteen)) {
            departure = eighteen;
            how = ResidentStatus.ADULT_TRANSITION;
        }
        if (departure.isAfter(today)) {
            departure = null;
            how = null;
        }
        return new Stay(r.id(), r.birthDate(), r.admissionDate(), departure, how, r.disabilityType());
    }

    private String uniqueIdNumber(String region, LocalDate birth, Gender gender) {
        for (int seq = rnd.nextInt(500); ; seq++) {
            int s = (seq * 2) % 1000 + (gender == Gender.MALE ? 1 : 0);
            String first17 = region + birth.toString().replace("-", "") + String.format("%03d", s % 1000);
            String id = first17 + IdNumber.checkDigit(first17);
            if (idNumbers.add(id)) {
                return id;
            }
        }
    }

    private static StatusEvent event(long residentId, ResidentStatus status, LocalDate date, String note) {
        return new StatusEvent(null, residentId, status, date, note, EntryTrail.recorded(null, null));
    }
}
