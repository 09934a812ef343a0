package org.huyou.openday;

/** Per month of a year: visits, visitors (head count) and groups. */
public record VisitMonth(int month, int visits, int visitors, int groups) {}
