package io.llmgate.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A JFR recording of the gateway process under load (started and stopped with {@code jcmd}), boiled
 * down to where its CPU samples land: by component (of the sampled leaf frame), by leaf method, by
 * gateway method (inclusive: samples with that method anywhere on the stack) and by thread.
 */
final class JfrProfile {
    private static final int TOP = 25;
    private static final String JDK = "JDK";
    /** Leaf-frame prefixes to components, first match wins. */
    private static final Map<String, String> COMPONENTS = new LinkedHashMap<>();

    static {
        COMPONENTS.put("io.llmgate.", "LLMGate (gateway code)");
        COMPONENTS.put("org.glassfish.jersey.", "Jersey");
        COMPONENTS.put("org.glassfish.grizzly.", "Grizzly");
        COMPONENTS.put("org.jboss.weld.", "Weld (CDI)");
        COMPONENTS.put("org.apache.hc.", "Apache HttpClient 5");
        COMPONENTS.put("com.fasterxml.jackson.", "Jackson");
        COMPONENTS.put("org.apache.catalina.", "Payara web container (Catalina)");
        COMPONENTS.put("org.apache.coyote.", "Payara web container (Catalina)");
        COMPONENTS.put("com.sun.enterprise.", "Payara/GlassFish core");
        COMPONENTS.put("fish.payara.", "Payara/GlassFish core");
        COMPONENTS.put("org.glassfish.", "Payara/GlassFish core");
        COMPONENTS.put("com.sun.ejb.", "Payara/GlassFish core");
        COMPONENTS.put("org.jvnet.hk2.", "HK2");
        COMPONENTS.put("com.hazelcast.", "Hazelcast");
        COMPONENTS.put("java.", JDK);
        COMPONENTS.put("javax.", JDK);
        COMPONENTS.put("jdk.", JDK);
        COMPONENTS.put("sun.", JDK);
        COMPONENTS.put("com.sun.", JDK);
    }

    /**
     * @param samples      execution samples in the recording
     * @param byComponent  samples by the component of the leaf frame
     * @param byLibrary    the same, but a JDK leaf frame counts for the nearest non-JDK caller (whose code asked for it)
     * @param leafMethods  the hottest leaf methods
     * @param gatewayMethods gateway methods by inclusive samples
     * @param threads      samples by thread name (digits folded to {@code #})
     * @param allocationMb sampled allocation (MB, JFR's estimate) by the first non-JDK frame that allocated
     */
    record Summary(long samples, Map<String, Long> byComponent, Map<String, Long> byLibrary, Map<String, Long> leafMethods,
                   Map<String, Long> gatewayMethods, Map<String, Long> threads, Map<String, Long> allocationMb) {
    }

    private final long pid;
    private final Path file;

    JfrProfile(long pid, Path file) {
        this.pid = pid;
        this.file = file.toAbsolutePath();
    }

    /**
     * Starts recording with JDK's {@code profile} settings, but sampling Java stacks every 2 ms
     * instead of 10 ms: request handling is short and mostly off-CPU, so 10 ms gives few samples.
     */
    void start() throws IOException, InterruptedException {
        Path jdkSettings = Path.of(System.getProperty("java.home"), "lib", "jfr", "profile.jfc");
        String settings = java.nio.file.Files.readString(jdkSettings).replace(
                "<setting name=\"period\" control=\"method-sampling-java-interval\">10 ms</setting>",
                "<setting name=\"period\" control=\"method-sampling-java-interval\">2 ms</setting>");
        Path custom = file.resolveSibling("bench-profile.jfc");
        java.nio.file.Files.writeString(custom, settings);
        jcmd("JFR.start", "name=llmgate-bench", "settings=" + custom, "filename=" + file);
    }

    void stop() throws IOException, InterruptedException {
        jcmd("JFR.stop", "name=llmgate-bench");
    }

    /** The samples recorded from {@code from} on. */
    Summary summarize(java.time.Instant from) throws IOException {
        Map<String, Long> components = new HashMap<>();
        Map<String, Long> libraries = new HashMap<>();
        Map<String, Long> leaves = new HashMap<>();
        Map<String, Long> gateway = new HashMap<>();
        Map<String, Long> threads = new HashMap<>();
        Map<String, Long> allocations = new HashMap<>();
        long samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (event.getStartTime().isBefore(from)) {
                continue;
            }
            if (event.getEventType().getName().equals("jdk.ObjectAllocationSample") && event.getStackTrace() != null) {
                String site = event.getStackTrace().getFrames().stream().map(frame -> name(frame.getMethod()))
                        .filter(method -> !component(method).equals(JDK)).findFirst().orElse("(JDK only)");
                allocations.merge(site, event.getLong("weight"), Long::sum);
                continue;
            }
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = stack.getFrames();
            String leaf = name(frames.get(0).getMethod());
            leaves.merge(leaf, 1L, Long::sum);
            components.merge(component(leaf), 1L, Long::sum);
            libraries.merge(frames.stream().map(frame -> component(name(frame.getMethod())))
                    .filter(component -> !component.equals(JDK)).findFirst().orElse(JDK), 1L, Long::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String method = name(frame.getMethod());
                if (method.startsWith("io.llmgate.") && seen.add(method)) {
                    gateway.merge(method, 1L, Long::sum);
                }
            }
            RecordedThread thread = event.getThread("sampledThread");
            String threadName = thread == null || thread.getJavaName() == null ? "?" : thread.getJavaName();
            threads.merge(threadName.replaceAll("\\d+", "#"), 1L, Long::sum);
        }
        return new Summary(samples, top(components, TOP), top(libraries, TOP), top(leaves, TOP), top(gateway, TOP), top(threads, 12),
                megabytes(top(allocations, TOP)));
    }

    private static Map<String, Long> megabytes(Map<String, Long> bytes) {
        Map<String, Long> mb = new LinkedHashMap<>();
        bytes.forEach((site, weight) -> mb.put(site, weight / (1024 * 1024)));
        return mb;
    }

    private static String component(String method) {
        return COMPONENTS.entrySet().stream().filter(entry -> method.startsWith(entry.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse("other: " + method.replaceAll("^((?:[a-z0-9_]+\\.){1,3}).*", "$1"));
    }

    private static String name(RecordedMethod method) {
        return method.getType().getName() + "." + method.getName();
    }

    private static Map<String, Long> top(Map<String, Long> counts, int limit) {
        Map<String, Long> top = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(limit)
                .forEach(entry -> top.put(entry.getKey(), entry.getValue()));
        return top;
    }

    private void jcmd(String... command) throws IOException, InterruptedException {
        List<String> line = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid)));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", line) + " failed: " + out);
        }
    }
}
