package org.huyou;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    private static final Path SOURCES = Path.of("src/main/java");

    /** Class and method (lambdas by their enclosing method) that may pass a non-constant SQL string, and why. */
    private static final Map<String, String> ALLOWED = Map.of(
            "org.huyou.db.Sql.prepare", "an Sql's text is made of constant fragments only (each sql(String) call is "
                    + "checked here); its values are bound",
            "org.huyou.db.Sql.condition", "the same text handed to jOOQ with its values bound");

    private static final Set<String> JDBC_OWNERS = Set.of("java.sql.Statement", "java.sql.PreparedStatement",
            "java.sql.CallableStatement", "java.sql.Connection");
    private static final Set<String> JDBC_SINKS = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate", "addBatch", "prepareStatement", "prepareCall", "nativeSQL");

    static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
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
        if (JDBC_SINKS.contains(target.getName()) && (JDBC_OWNERS.contains(owner)
                || target.getOwner().isAssignableTo(java.sql.Statement.class)
                || target.getOwner().isAssignableTo(java.sql.Connection.class))) {
            return true;
        }
        if (owner.equals("org.huyou.db.Sql") && target.getName().equals("sql")) {
            return true;
        }
        if (owner.startsWith("org.jooq.")) {
            return target.resolveMember().map(m -> m.isAnnotatedWith("org.jooq.PlainSQL")).orElse(false);
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
        List<String> problems = new ArrayList<>();
        Set<String> allowedUsed = new TreeSet<>();
        int checked = 0;
        Map<Path, List<String>> sources = new HashMap<>();
        for (JavaClass c : classes) {
            for (JavaMethodCall call : c.getMethodCallsFromSelf()) {
                if (!sink(call) || c.getPackageName().startsWith("org.huyou.db.generated")) {
                    continue; // jOOQ's generated classes: schema names only, and no source here to read
                }
                String where = unit(call);
                if (ALLOWED.containsKey(where)) {
                    allowedUsed.add(where);
                    continue;
                }
                checked++;
                JavaClass origin = call.getOriginOwner();
                Path file = SOURCES.resolve(origin.getPackageName().replace('.', '/'))
                        .resolve(origin.getSource().orElseThrow().getFileName().orElseThrow());
                List<String> lines = sources.computeIfAbsent(file, SqlTextTest::read);
                String name = call.getTarget().getName();
                List<String> args = firstArguments(lines, call.getLineNumber(), name);
                if (args.isEmpty()) {
                    problems.add(call.getDescription() + ": call not found in " + file);
                }
                for (String arg : args) {
                    Optional<String> why = nonConstant(arg, origin);
                    why.ifPresent(w -> problems.add(file + ":" + call.getLineNumber() + " " + name + "(" + arg.strip()
                            + "): " + w));
                }
            }
        }
        assertEquals(List.of(), problems, "SQL text built from values: bind them (PreparedStatement, jOOQ, db.Sql)");
        assertEquals(ALLOWED.keySet(), allowedUsed, "an allowed place no longer exists: take it off the list");
        assertTrue(checked > 20, "the sinks are found (" + checked + ")");
    }

    /** The checker itself: what passes and what does not. */
    @Test
    void checkerTellsConstantsFromValues() {
        JavaClass self = classes.get(org.huyou.db.Sql.class);
        assertEquals(Optional.empty(), nonConstant("\"SELECT 1\"", self));
        assertEquals(Optional.empty(), nonConstant("\"SELECT a, \" /* x */ + \"b FROM t WHERE \\\"q\\\" = ?\"", self));
        assertTrue(nonConstant("\"SELECT \" + name", self).isPresent());
        assertTrue(nonConstant("String.format(\"SELECT %s\", x)", self).isPresent());
        assertTrue(nonConstant("\"LIMIT \" + (n + 1)", self).isPresent());
        assertTrue(nonConstant("sql", self).isPresent());
        assertTrue(nonConstant("NOT_A_FIELD", self).isPresent());
        assertEquals(List.of("\"a\" + B"), firstArguments(List.of("x.execute(\"a\" + B, 1);"), 1, "execute"));
        assertEquals(List.of("\"(\"\n  + \"),\""), firstArguments(List.of("st.sql(\"(\"", "  + \"),\")"), 1, "sql"));
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "package.Class.method" of the calling code; a lambda counts as the method it is written in. */
    private static String unit(JavaMethodCall call) {
        String method = call.getOrigin().getName();
        Matcher m = Pattern.compile("lambda\\$(.+)\\$\\d+").matcher(method);
        if (m.matches()) {
            method = m.group(1);
        }
        String owner = call.getOriginOwner().getName();
        int nested = owner.indexOf('$');
        return (nested < 0 ? owner : owner.substring(0, nested)) + "." + method;
    }

    /** The first argument of every call of {@code name} on the line (1-based), read on across lines. */
    static List<String> firstArguments(List<String> lines, int line, String name) {
        List<String> out = new ArrayList<>();
        String text = String.join("\n", lines.subList(line - 1, Math.min(lines.size(), line + 40)));
        int lineEnd = text.indexOf('\n') < 0 ? text.length() : text.indexOf('\n');
        Matcher m = Pattern.compile("\\b" + Pattern.quote(name) + "\\s*\\(").matcher(text);
        while (m.find() && m.start() < lineEnd) {
            out.add(argument(text, m.end()));
        }
        return out;
    }

    /** From just after the opening parenthesis to the first top-level comma or the closing parenthesis. */
    private static String argument(String text, int from) {
        int depth = 0;
        int i = from;
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (text.startsWith("\"\"\"", i)) {
                int end = text.indexOf("\"\"\"", i + 3);
                i = end + 3;
                continue;
            }
            if (ch == '"' || ch == '\'') {
                i = skipQuoted(text, i);
                continue;
            }
            if (ch == '(' || ch == '[' || ch == '{') {
                depth++;
            } else if (ch == ')' || ch == ']' || ch == '}') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (ch == ',' && depth == 0) {
                break;
            }
            i++;
        }
        return text.substring(from, i);
    }

    private static int skipQuoted(String text, int start) {
        char quote = text.charAt(start);
        int i = start + 1;
        while (i < text.length() && text.charAt(i) != quote) {
            i += text.charAt(i) == '\\' ? 2 : 1;
        }
        return i + 1;
    }

    private static final Pattern LITERALS = Pattern.compile("\"\"\"[\\s\\S]*?\"\"\"|\"(\\\\.|[^\"\\\\])*\"");
    private static final Pattern COMMENTS = Pattern.compile("/\\*[\\s\\S]*?\\*/|//[^\\n]*");
    private static final Pattern CONSTANT = Pattern.compile("(?:([A-Z][A-Za-z0-9]*)\\.)?([A-Z][A-Z0-9_]*)");

    /** Empty when the expression is literals and static final fields joined by {@code +}; else what is wrong. */
    static Optional<String> nonConstant(String expression, JavaClass origin) {
        String rest = COMMENTS.matcher(LITERALS.matcher(expression).replaceAll(" ")).replaceAll(" ");
        Matcher m = CONSTANT.matcher(rest);
        StringBuilder left = new StringBuilder();
        int at = 0;
        while (m.find()) {
            left.append(rest, at, m.start());
            at = m.end();
            if (m.start() > 0 && Character.isJavaIdentifierPart(rest.charAt(m.start() - 1))) {
                return Optional.of("not a constant: " + m.group());
            }
            if (!staticFinal(origin, m.group(1), m.group(2))) {
                return Optional.of(m.group() + " is not a static final field");
            }
        }
        left.append(rest.substring(at));
        String stripped = left.toString().replaceAll("[\\s+()]", "");
        return stripped.isEmpty() ? Optional.empty() : Optional.of("not a constant: " + stripped);
    }

    private static boolean staticFinal(JavaClass origin, String owner, String field) {
        List<JavaClass> candidates = new ArrayList<>();
        if (owner == null) {
            for (JavaClass c = origin; c != null; c = c.getEnclosingClass().orElse(null)) {
                candidates.add(c);
            }
        } else {
            classes.stream().filter(c -> c.getSimpleName().equals(owner)).forEach(candidates::add);
        }
        for (JavaClass c : candidates) {
            Optional<JavaField> f = c.tryGetField(field);
            if (f.isPresent()) {
                return f.get().getModifiers().containsAll(Set.of(JavaModifier.STATIC, JavaModifier.FINAL))
                        && f.get().getRawType().getName().equals(String.class.getName());
            }
        }
        return false;
    }
}
