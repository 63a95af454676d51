package jp.kyoso.support;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Measures, in the test run only, the CPU time each API request costs its worker thread (reading
 * and validating the body, the operation, its problem answer) and tells the client in a
 * {@code X-Test-Cpu-Micros} header, so that a test can bound it (NegativeInputTest). The most
 * expensive operations of the whole run go to {@code target/request-cpu.txt}. CPU time, not
 * wall-clock time: it does not grow when the machine is busy with something else.
 */
public class RequestCpu {

    public static final String HEADER = "X-Test-Cpu-Micros";
    private static final String START = "kyoso.test.cpu-start";
    private static final String THREAD = "kyoso.test.cpu-thread";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Map<String, Long> MOST = new ConcurrentHashMap<>();

    @ServerRequestFilter(priority = Integer.MIN_VALUE)
    public void start(ContainerRequestContext request) {
        request.setProperty(START, THREADS.getCurrentThreadCpuTime());
        request.setProperty(THREAD, Thread.currentThread().threadId());
    }

    @ServerResponseFilter(priority = Integer.MIN_VALUE)
    public void end(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        Object start = request.getProperty(START);
        if (!(start instanceof Long began) || !Long.valueOf(Thread.currentThread().threadId()).equals(request.getProperty(THREAD))) {
            return;
        }
        long micros = (THREADS.getCurrentThreadCpuTime() - began) / 1_000;
        response.getHeaders().putSingle(HEADER, Long.toString(micros));
        String operation = request.getMethod() + " " + (resource.getResourceMethod() == null ? request.getUriInfo().getPath()
                : resource.getResourceClass().getSimpleName() + "." + resource.getResourceMethod().getName());
        MOST.merge(operation, micros, Math::max);
    }

    void report(@Observes ShutdownEvent event) throws IOException {
        List<Map.Entry<String, Long>> top = new ArrayList<>(MOST.entrySet());
        top.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        StringBuilder out = new StringBuilder("# most CPU per request of one run, µs (jp.kyoso.support.RequestCpu)\n");
        top.stream().limit(15).forEach(e -> out.append(String.format("%10d  %s%n", e.getValue(), e.getKey())));
        Files.writeString(Path.of("target", "request-cpu.txt"), out, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
