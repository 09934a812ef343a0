package org.huyou;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No value becomes SQL text (issue 26): every call that takes SQL as a string (JDBC's {@code execute*},
 * {@code prepareStatement}, jOOQ's plain-SQL methods, {@link org.huyou.db.Sql#sql(String)}) is found in the compiled
 * classes, and its first argument, read from the source at the call's line, must be a constant: string literals and
 * {@code static final} constants joined by {@code +}. {@code DSL.inline} is not used at all. The few places that pass
 * something else are listed below, each with the reason it is safe.
 */
class SqlTextTest {

    /** Class and method (lambdas by their enclosing method) that may pass a non-constant SQL string, and why. */
    private static final Map<String, String> ALLOWED = Map.of(
            "org.huyou.db.Sql.prepare",
            "an Sql's text is made of constant fragments only (each sql(String) call is "
                    + "checked here); its values are bound",
            "org.huyou.db.Sql.condition",
            "the same text handed to jOOQ with its values bound",
            "org.huyou.db.BulkInsert.insert",
            "rendered by jOOQ from the generated table's and fields' names with a bind marker per value (checked "
                    + "by count); every value bound");

    private static final Set<String> JDBC_OWNERS = Set.of(
            "java.sql.Statement", "java.sql.PreparedStatement", "java.sql.CallableStatement", "java.sql.Connection");
    private static final Set<String> JDBC_SINKS = Set.of(
            "execute",
            "executeQuery",
            "executeUpdate",
            "executeLargeUpdate",
            "addBatch",
            "prepareStatement",
            "prepareCall",
            "nativeSQL");

    static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.huyou");
    }

    /** A call that takes SQL text as its first argument. */
    private static boolean sink(JavaMethodCall call) {
        var target = call.getTarget();
        List<JavaClass> params = target.getRawParameterTypes();
        if (params.isEmpty() || !params.get(0).getName().equals(String.class.getName())) {
            return false;
        }
        String owner = target.getOwner().getName();
        if (JDBC_SINKS.contains(target.getName())
                && (JDBC_OWNERS.contains(owner)
                        || target.getOwner().isAssignableTo(java.sql.Statement.class)
                        || target.getOwner().isAssignableTo(java.sql.Connection.class))) {
            return true;
        }
        if (owner.equals("org.huyou.db.Sql") && target.getName().equals("sql")) {
            return true;
        }
        if (owner.startsWith("org.jooq.")) {
            return target.resolveMember()
                    .map(m -> m.isAnnotatedWith("org.jooq.PlainSQL"))
                    .orElse(false);
        }
        return false;
    }

    @Test
    void noInlinedValues() {
        List<String> found = new ArrayList<>();
        for (JavaClass c : classes) {
            for (JavaMethodCall call : c.getMethodCallsFromSelf()) {
                if (call.getTargetOwner().getName().equals("org.jooq.impl.DSL")
                        && call.getTarget().getName().equals("inline")) {
                    found.add(call.getDescription());
                }
            }
        }
        assertEquals(List.of(), found, "DSL.inline writes a value into the SQL text: bind it (DSL.val)");
    }

    @Test
    void sqlTextIsConstant() {
        ConstantArguments.Result r = new ConstantArguments(classes).check(SqlTextTest::sink, ALLOWED.keySet());
        assertEquals(
                List.of(), r.problems(), "SQL text built from values: bind them (PreparedStatement, jOOQ, db.Sql)");
        assertEquals(ALLOWED.keySet(), r.allowedUsed(), "an allowed place no longer exists: take it off the list");
        assertTrue(r.checked() > 20, "the sinks are found (" + r.checked() + ")");
    }

    /** The checker itself: what passes and what does not. */
    @Test
    void checkerTellsConstantsFromValues() {
        JavaClass self = classes.get(org.huyou.db.Sql.class);
        ConstantArguments check = new ConstantArguments(classes);
        assertEquals(Optional.empty(), check.nonConstant("\"SELECT 1\"", self));
        assertEquals(
                Optional.empty(), check.nonConstant("\"SELECT a, \" /* x */ + \"b FROM t WHERE \\\"q\\\" = ?\"", self));
        assertTrue(check.nonConstant("\"SELECT \" + name", self).isPresent());
        assertTrue(check.nonConstant("String.format(\"SELECT %s\", x)", self).isPresent());
        assertTrue(check.nonConstant("\"LIMIT \" + (n + 1)", self).isPresent());
        assertTrue(check.nonConstant("sql", self).isPresent());
        assertTrue(check.nonConstant("NOT_A_FIELD", self).isPresent());
        assertEquals(
                List.of("\"a\" + B"),
                ConstantArguments.firstArguments(List.of("x.execute(\"a\" + B, 1);"), 1, "execute"));
        assertEquals(
                List.of("\"(\"\n  + \"),\""),
                ConstantArguments.firstArguments(List.of("st.sql(\"(\"", "  + \"),\")"), 1, "sql"));
    }
}
