package org.huyou.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.util.List;
import org.huyou.common.EntryTrail;
import org.huyou.common.Gender;
import org.junit.jupiter.api.Test;

/** The audit's field changes as JSON: only what differs, escaped, with a coded value's label prefix. */
class AuditChangesTest {

    record Person(long id, int version, String name, Gender gender, String note) {}

    @Test
    void aDiffListsOnlyChangedFieldsEscapedWithTheLabelPrefixOfACodedValue() {
        Person before = new Person(1, 0, "张三", Gender.MALE, null);
        Person after = new Person(1, 1, "张\"山\"", Gender.FEMALE, "第一行\n第二行\t\u0001");
        assertEquals(
                "[{\"field\":\"name\",\"before\":\"张三\",\"after\":\"张\\\"山\\\"\"},"
                        + "{\"field\":\"gender\",\"before\":\"MALE\",\"after\":\"FEMALE\",\"enum\":\""
                        + Gender.FEMALE.labelPrefix() + "\"},"
                        + "{\"field\":\"note\",\"before\":null,\"after\":\"第一行\\n第二行\\t\\u0001\"}]",
                AuditChanges.diff(before, after));
    }

    record Entry(long id, String note, EntryTrail trail) {}

    @Test
    void aNestedTrailIsLoggedAsItsOwnFieldsAsWhenRecordsHeldThemOneByOne() {
        LocalDateTime at = LocalDateTime.of(2026, 3, 1, 9, 30);
        Entry recorded = new Entry(3, "入院", EntryTrail.recorded("wang", at));
        Entry voided = new Entry(3, "入院", new EntryTrail("wang", at, "li", at.plusDays(1), "录错了"));
        assertEquals(
                "[{\"field\":\"note\",\"before\":null,\"after\":\"入院\"},"
                        + "{\"field\":\"createdBy\",\"before\":null,\"after\":\"wang\"},"
                        + "{\"field\":\"createdAt\",\"before\":null,\"after\":\"2026-03-01T09:30\"}]",
                AuditChanges.created(recorded));
        assertEquals(
                "[{\"field\":\"voidedBy\",\"before\":null,\"after\":\"li\"},"
                        + "{\"field\":\"voidedAt\",\"before\":null,\"after\":\"2026-03-02T09:30\"},"
                        + "{\"field\":\"voidedReason\",\"before\":null,\"after\":\"录错了\"}]",
                AuditChanges.diff(recorded, voided));
        assertEquals(
                List.of("id", "note", "createdBy", "createdAt", "voidedBy", "voidedAt", "voidedReason"),
                AuditChanges.fieldNames(Entry.class));
    }

    @Test
    void aCreatedRecordIsEveryFieldButItsIdAndVersionFromNothing() {
        assertEquals(
                "[{\"field\":\"name\",\"before\":null,\"after\":\"李四\"}]",
                AuditChanges.created(new Person(7, 0, "李四", null, null)));
        assertEquals("\"a\\\\b\"", AuditChanges.quote("a\\b"));
    }
}
