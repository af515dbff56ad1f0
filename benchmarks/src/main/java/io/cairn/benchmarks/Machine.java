package io.cairn.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the figures were measured on. */
final class Machine {

    private Machine() {
    }

    static Map<String, String> describe(Path root) throws Exception {
        Map<String, String> machine = new LinkedHashMap<>();
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown");
        machine.put("CPU", Runtime.getRuntime().availableProcessors() + " cores, " + cpu);
        String memory = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\D", "");
        machine.put("memory", Long.parseLong(memory) / 1024 / 1024 + " GiB");
        machine.put("kernel", Files.readString(Path.of("/proc/sys/kernel/osrelease")).strip());
        machine.put("Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put("PostgreSQL", "embedded (zonky), one server for the five databases");
        machine.put("Kafka", "one KRaft broker, " + org.apache.kafka.common.utils.AppInfoParser.getVersion()
                + " client");
        machine.put("Keycloak", "26.7.3 (start-dev)");
        machine.put("nginx", Nginx.version(root) + " (Debian package)");
        machine.put("apps", "`" + appCommand() + "` each, as `bin/cairn-local` starts them");
        return machine;
    }

    /** How the launcher runs an app, read off the running intake service (call once the stack is up). */
    static String appCommand() {
        long pid = Stack.pidOf("intake-service");
        return ProcessHandle.of(pid).flatMap(p -> p.info().arguments()).map(arguments -> "java " + String.join(" ",
                arguments).replaceAll("/\\S*/intake-service/target/quarkus-app/", "")).orElse("java -jar quarkus-run.jar");
    }
}
