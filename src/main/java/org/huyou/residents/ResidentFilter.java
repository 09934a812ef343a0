package org.huyou.residents;

/** What the register list is narrowed to; null fields do not filter. */
public record ResidentFilter(
        String query,
        ResidentStatus status,
        Category category,
        Long livingGroupId,
        AgeBand ageBand,
        DisabilityType disabilityType) {

    public static ResidentFilter all() {
        return new ResidentFilter(null, null, null, null, null, null);
    }

    public static ResidentFilter query(String query) {
        return new ResidentFilter(query, null, null, null, null, null);
    }
}
