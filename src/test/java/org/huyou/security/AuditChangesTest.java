package org.huyou.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

    @Test
    void aCreatedRecordIsEveryFieldButItsIdAndVersionFromNothing() {
        assertEquals(
                "[{\"field\":\"name\",\"before\":null,\"after\":\"李四\"}]",
                AuditChanges.created(new Person(7, 0, "李四", null, null)));
        assertEquals("\"a\\\\b\"", AuditChanges.quote("a\\b"));
    }
}
