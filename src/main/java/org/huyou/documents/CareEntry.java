package org.huyou.documents;

import java.time.LocalDate;
import java.util.Optional;
import org.huyou.care.CareDomain;
import org.huyou.security.AppModule;

/**
 * The kinds of care entry a document may be linked to, each with the table it names in a link and the module whose
 * VIEW a user needs to see the entry (and so its link): medical records (a checkup's report, a surgery's consent)
 * and incidents (the photos of an injury).
 */
public enum CareEntry {
    MEDICAL_RECORD("medical_record", AppModule.MEDICAL, CareDomain.MEDICAL),
    INCIDENT("incident", AppModule.INCIDENTS, CareDomain.INCIDENT);

    private final String entity;
    private final AppModule module;
    private final CareDomain domain;

    CareEntry(String entity, AppModule module, CareDomain domain) {
        this.entity = entity;
        this.module = module;
        this.domain = domain;
    }

    /** The entry's table, as links and timeline entries name it. */
    public String entity() {
        return entity;
    }

    public AppModule module() {
        return module;
    }

    public CareDomain domain() {
        return domain;
    }

    public static Optional<CareEntry> ofEntity(String entity) {
        for (CareEntry e : values()) {
            if (e.entity.equals(entity)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** One entry a document may be linked to, as the chooser and the list show it. */
    public record Target(CareEntry entry, long id, LocalDate date, String label) {
        @Override
        public String toString() {
            return label;
        }
    }
}
