package cn.wushe.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** For tests that start the real application as a process of its own. */
public final class TestProcesses {

    private TestProcesses() {
    }

    /**
     * The main classes, the dependency jars and only one probe package's test classes (the rest of
     * the test classes would be component-scanned as beans), copied into {@code workDir}. Surefire
     * may hand the test JVM a manifest-only jar; its Class-Path lists the real entries.
     */
    public static String classpath(Path workDir, String probePackage) throws IOException {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (entry.endsWith(".jar") && Path.of(entry).getFileName().toString().startsWith("surefire")) {
                try (JarFile jar = new JarFile(entry)) {
                    String manifestPath = jar.getManifest().getMainAttributes().getValue("Class-Path");
                    if (manifestPath != null) {
                        Arrays.stream(manifestPath.trim().split("\\s+"))
                                .map(u -> Path.of(URI.create(u).isAbsolute() ? URI.create(u) : Path.of(entry).getParent().toUri().resolve(u)).toString())
                                .forEach(entries::add);
                    }
                }
            } else {
                entries.add(entry);
            }
        }
        Path testClasses = Path.of("target/test-classes").toAbsolutePath();
        List<String> main = new ArrayList<>(entries.stream()
                .filter(e -> !Path.of(e).toAbsolutePath().normalize().equals(testClasses))
                .filter(e -> !e.contains("surefire"))
                .toList());
        Path probe = workDir.resolve("probe-classes");
        Path probeDir = Path.of(probePackage.replace('.', '/'));
        Files.createDirectories(probe.resolve(probeDir));
        try (Stream<Path> classes = Files.list(testClasses.resolve(probeDir))) {
            for (Path c : classes.toList()) {
                Files.copy(c, probe.resolve(probeDir).resolve(c.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        main.add(probe.toString());
        return String.join(java.io.File.pathSeparator, main);
    }
}
