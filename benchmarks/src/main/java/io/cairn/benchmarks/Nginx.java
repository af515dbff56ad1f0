package io.cairn.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The peer: nginx (Debian's package, unpacked by benchmarks/run) as a plain reverse proxy in front of a service, with
 * keep-alive connections to it, as a clinic would put in front of an API.
 */
final class Nginx implements AutoCloseable {

    static final int PORT = 8090;

    private final Process process;

    private Nginx(Process process) {
        this.process = process;
    }

    static Nginx proxyTo(Path root, int upstreamPort) throws Exception {
        Path binary = root.resolve("benchmarks/target/nginx/usr/sbin/nginx");
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException(binary + " is missing: benchmarks/run unpacks Debian's nginx there");
        }
        Path prefix = root.resolve("benchmarks/target/nginx-run");
        Files.createDirectories(prefix.resolve("logs"));
        Path config = prefix.resolve("nginx.conf");
        Files.writeString(config, """
                daemon off;
                worker_processes auto;
                pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log warn;
                events { worker_connections 4096; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    upstream service { server 127.0.0.1:%2$d; keepalive 64; }
                    server {
                        listen 127.0.0.1:%3$d;
                        location / {
                            proxy_pass http://service;
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                            proxy_set_header Host $host;
                            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                            proxy_set_header X-Forwarded-Proto $scheme;
                        }
                    }
                }
                """.formatted(prefix, upstreamPort, PORT));
        Process process = new ProcessBuilder(binary.toString(), "-p", prefix.toString(), "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(prefix.resolve("logs/nginx.out").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", PORT)) {
                return new Nginx(process);
            } catch (java.io.IOException notYet) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("nginx did not start; see " + prefix.resolve("logs"));
                }
                Thread.sleep(20);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("nginx did not listen on " + PORT);
    }

    static String version(Path root) throws Exception {
        Process version = new ProcessBuilder(root.resolve("benchmarks/target/nginx/usr/sbin/nginx").toString(), "-v")
                .redirectErrorStream(true).start();
        return new String(version.getInputStream().readAllBytes()).strip().replace("nginx version: ", "");
    }

    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
