package org.huyou.bench;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * The app started as the installer ships it: with a class-data-sharing archive made from a list of the classes a
 * start loads ({@code installer/huyou.classlist}; the installed package makes the archive on the PC, see
 * {@code installer/linux/postinst}). Here the same two steps on the build's jars: a training start writes the class
 * list, {@code -Xshare:dump} makes the archive. The archive needs jars (no class folders), so the app's classes and the
 * probes are jarred first; the probes come after the archived class path, which the JVM allows.
 */
final class ClassArchive {

    /** Test-only code left out of the list the installer ships. */
    private static final List<String> NOT_SHIPPED = List.of(
            "org/huyou/bench/",
            "com/sun/glass/ui/monocle/",
            "org/testfx/",
            "org/junit/",
            "org/opentest4j/",
            "org/apiguardian/");

    private final Path dir = Path.of("target", "bench", "cds").toAbsolutePath();
    final String archivedClassPath;
    final String runClassPath;
    final Path archive = dir.resolve("huyou.jsa");
    final Path classList = dir.resolve("huyou.classlist");

    ClassArchive(String testClassPath) throws IOException {
        Files.createDirectories(dir);
        Path appJar = dir.resolve("huyou-app.jar");
        Path probeJar = dir.resolve("probes.jar");
        jar(appJar, Path.of("target", "classes"), List.of("."));
        Path tests = Path.of("target", "test-classes");
        List<String> probes = new ArrayList<>();
        try (Stream<Path> files = Files.list(tests.resolve("org/huyou/bench"))) {
            files.map(p -> tests.relativize(p).toString())
                    .filter(n -> n.contains("WindowProbe"))
                    .forEach(probes::add);
        }
        jar(probeJar, tests, probes);
        List<String> jars = new ArrayList<>(List.of(appJar.toString()));
        for (String entry : testClassPath.split(File.pathSeparator)) {
            if (entry.endsWith(".jar") && Files.isRegularFile(Path.of(entry))) {
                jars.add(entry);
            }
        }
        archivedClassPath = String.join(File.pathSeparator, jars);
        runClassPath = archivedClassPath + File.pathSeparator + probeJar;
    }

    /** The JVM options of a start with the archive. */
    List<String> options() {
        return List.of("-XX:SharedArchiveFile=" + archive);
    }

    /** After the training start has written {@link #classList}: the archive, and the list the installer ships. */
    void dump() throws Exception {
        Files.deleteIfExists(archive);
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xshare:dump",
                        "-XX:SharedClassListFile=" + classList,
                        "-XX:SharedArchiveFile=" + archive,
                        "-cp",
                        archivedClassPath)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("dump.log").toFile())
                .start();
        if (p.waitFor() != 0 || !Files.exists(archive)) {
            throw new IllegalStateException("class archive not made: see " + dir.resolve("dump.log"));
        }
        List<String> shipped = Files.readAllLines(classList).stream()
                .filter(l -> NOT_SHIPPED.stream().noneMatch(l::contains))
                .toList();
        Files.write(Path.of("target", "bench", "huyou.classlist"), shipped);
    }

    private static void jar(Path jar, Path root, List<String> entries) {
        ToolProvider tool = ToolProvider.findFirst("jar").orElseThrow();
        List<String> args = new ArrayList<>(List.of("--create", "--file", jar.toString()));
        for (String e : entries) {
            args.addAll(List.of("-C", root.toString(), e));
        }
        StringWriter said = new StringWriter();
        PrintWriter out = new PrintWriter(said);
        try {
            Files.deleteIfExists(jar);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (tool.run(out, out, args.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("jar failed: " + said);
        }
    }
}
