package org.huyou;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
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
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds calls in the compiled classes (ArchUnit) and reads their first argument from the source at the call's line:
 * a constant is string literals and {@code static final String} fields joined by {@code +}. Shared by the checks that
 * no value becomes SQL text ({@link SqlTextTest}) and no user text becomes a file name unchecked
 * ({@link FileNameTest}).
 */
final class ConstantArguments {

    static final Path SOURCES = Path.of("src/main/java");

    /** What a check found: the calls whose first argument is not constant, the allowed places met, the calls read. */
    record Result(List<String> problems, Set<String> allowedUsed, int checked) {}

    private final JavaClasses classes;

    ConstantArguments(JavaClasses classes) {
        this.classes = classes;
    }

    /** Every call matching {@code sink} outside the generated classes, unless its method is one of {@code allowed}. */
    Result check(Predicate<JavaMethodCall> sink, Set<String> allowed) {
        List<String> problems = new ArrayList<>();
        Set<String> allowedUsed = new TreeSet<>();
        int checked = 0;
        Map<Path, List<String>> sources = new HashMap<>();
        for (JavaClass c : classes) {
            if (c.getPackageName().startsWith("org.huyou.db.generated")) {
                continue; // jOOQ's generated classes: schema names only, and no source here to read
            }
            for (JavaMethodCall call : c.getMethodCallsFromSelf()) {
                if (!sink.test(call)) {
                    continue;
                }
                String where = unit(call);
                if (allowed.contains(where)) {
                    allowedUsed.add(where);
                    continue;
                }
                checked++;
                JavaClass origin = call.getOriginOwner();
                Path file = SOURCES.resolve(origin.getPackageName().replace('.', '/'))
                        .resolve(origin.getSource().orElseThrow().getFileName().orElseThrow());
                List<String> lines = sources.computeIfAbsent(file, ConstantArguments::read);
                String name = call.getTarget().getName();
                List<String> args = firstArguments(lines, call.getLineNumber(), name);
                if (args.isEmpty()) {
                    problems.add(call.getDescription() + ": call not found in " + file);
                }
                for (String arg : args) {
                    Optional<String> why = nonConstant(arg, origin);
                    why.ifPresent(w -> problems.add(file + ":" + call.getLineNumber() + " [" + where + "] " + name + "("
                            + arg.strip() + "): " + w));
                }
            }
        }
        return new Result(problems, allowedUsed, checked);
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "package.Class.method" of the calling code; a lambda counts as the method it is written in. */
    static String unit(JavaMethodCall call) {
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
    Optional<String> nonConstant(String expression, JavaClass origin) {
        String rest =
                COMMENTS.matcher(LITERALS.matcher(expression).replaceAll(" ")).replaceAll(" ");
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

    private boolean staticFinal(JavaClass origin, String owner, String field) {
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
