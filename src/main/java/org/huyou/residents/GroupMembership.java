package org.huyou.residents;

import java.time.LocalDate;

/** A period in a living group, from a date until the next membership (a null group: none). */
public record GroupMembership(String groupName, LocalDate from, String recordedBy) {}
