package io.cairn.localstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executors;

/**
 * The fault suite's hand on the running platform, on loopback only and only when asked for ({@code --fault-control}):
 * each {@code POST} takes a part away or brings it back, and answers once that is done.
 *
 * <pre>
 * POST /kafka/stop | /kafka/start                 the broker, keeping its data
 * POST /postgres/stop | /postgres/start           the PostgreSQL server of every service's database
 * POST /archives/await                            once every app's class-data archive being written is written
 * POST /services/{name}/stop?port=P               one service instance (default: its own port)
 * POST /services/{name}/start?port=P&amp;env=K=V    one instance, a replica when P is not its own port; the
 *                                                 answer's X-Process-Id header names its process
 * </pre>
 */
final class FaultControl {

    private final LocalStack stack;

    private FaultControl(LocalStack stack) {
        this.stack = stack;
    }

    static void open(LocalStack stack, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", new FaultControl(stack)::handle);
        // Several parts may be brought back at once, each request waiting until its part is ready.
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, String> env = new LinkedHashMap<>();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                String[] parts = URLDecoder.decode(pair, StandardCharsets.UTF_8).split("=", 2);
                if (parts[0].equals("env") && parts.length == 2) {
                    String[] variable = parts[1].split("=", 2);
                    env.put(variable[0], variable.length == 2 ? variable[1] : "");
                } else {
                    query.put(parts[0], parts.length == 2 ? parts[1] : "");
                }
            }
        }
        int status = 204;
        String answer = "";
        try {
            if (!exchange.getRequestMethod().equals("POST")) {
                status = 405;
            } else {
                act(path, query, env).ifPresent(pid -> exchange.getResponseHeaders().add("X-Process-Id",
                        String.valueOf(pid)));
                Progress.say("fault control: " + path + (rawQuery == null ? "" : "?" + rawQuery) + " done");
            }
        } catch (IllegalArgumentException e) {
            status = 404;
            answer = e.getMessage();
        } catch (Exception e) {
            status = 500;
            answer = e.toString();
        }
        byte[] body = answer.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    /** Does what the path says; a started service instance's process id comes back. */
    private OptionalLong act(String path, Map<String, String> query, Map<String, String> env)
            throws Exception {
        String[] segments = path.replaceAll("^/+|/+$", "").split("/");
        switch (String.join("/", segments)) {
            case "kafka/stop" -> stack.stopKafka();
            case "kafka/start" -> stack.restartKafka();
            case "postgres/stop" -> stack.stopPostgres();
            case "postgres/start" -> stack.startPostgres();
            case "archives/await" -> stack.awaitArchives();
            default -> {
                return actOnService(path, segments, query, env);
            }
        }
        return OptionalLong.empty();
    }

    private OptionalLong actOnService(String path, String[] segments, Map<String, String> query,
            Map<String, String> env) throws Exception {
        if (segments.length != 3 || !segments[0].equals("services")) {
            throw new IllegalArgumentException("Unknown fault control " + path);
        }
        String name = segments[1];
        Integer own = LocalStack.SERVICES.get(name);
        if (own == null) {
            throw new IllegalArgumentException("No service named " + name);
        }
        int port = query.containsKey("port") ? Integer.parseInt(query.get("port")) : own;
        return switch (segments[2]) {
            case "stop" -> {
                stack.stopService(name, port);
                yield OptionalLong.empty();
            }
            case "start" -> OptionalLong.of(stack.startService(name, port, env).pid());
            default -> throw new IllegalArgumentException("Unknown fault control " + path);
        };
    }
}
