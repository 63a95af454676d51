package jp.kyoso.authorization;

import jp.kyoso.support.ContractOperations;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jp.kyoso.authorization.AuthzWorld.Role;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.EnumMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Executes every cell of {@code authorization-matrix.csv} against the running API: each
 * operation of {@code openapi.yaml}, sent by each kind of person, must answer the status the
 * matrix names. A new operation without a row (or a row for an operation that is gone) fails.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    static final String MATRIX = "/authorization-matrix.csv";

    /** operation -> role -> expected status, in the order of the file. */
    static Map<String, Map<Role, Integer>> readMatrix() throws IOException {
        Map<String, Map<Role, Integer>> matrix = new LinkedHashMap<>();
        try (InputStream in = AuthorizationMatrixTest.class.getResourceAsStream(MATRIX)) {
            assertTrue(in != null, MATRIX + " is missing");
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
            List<String> header = Arrays.asList(lines.get(0).split(","));
            List<String> expectedHeader = new ArrayList<>(List.of("operation"));
            Arrays.stream(Role.values()).forEach(r -> expectedHeader.add(r.column));
            assertEquals(expectedHeader, header, "header of " + MATRIX);
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",");
                assertEquals(header.size(), cells.length, "cells of: " + line);
                Map<Role, Integer> row = new LinkedHashMap<>();
                for (Role role : Role.values()) {
                    row.put(role, Integer.parseInt(cells[role.ordinal() + 1].trim()));
                }
                if (matrix.put(cells[0].trim(), row) != null) {
                    fail("two rows for " + cells[0]);
                }
            }
        }
        return matrix;
    }

    @TestFactory
    Stream<DynamicTest> everyOperationTimesEveryPerson() throws IOException {
        Map<String, Map<Role, Integer>> matrix = readMatrix();
        Set<String> operations = ContractOperations.operations(ContractOperations.document()).keySet();
        AuthzWorld world = new AuthzWorld();
        MatrixCases cases = new MatrixCases(world);
        AtomicInteger executed = new AtomicInteger();
        List<String> wrong = new ArrayList<>();

        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("matrix has exactly the operations of openapi.yaml", () -> {
            Set<String> noRow = new TreeSet<>(operations);
            noRow.removeAll(matrix.keySet());
            Set<String> stray = new TreeSet<>(matrix.keySet());
            stray.removeAll(operations);
            Set<String> noCase = new TreeSet<>(operations);
            noCase.removeAll(cases.cases.keySet());
            assertTrue(noRow.isEmpty() && stray.isEmpty() && noCase.isEmpty(),
                    "operations without a row in " + MATRIX + ": " + noRow + "; rows naming no operation: " + stray
                            + "; operations without a request builder in MatrixCases: " + noCase);
        }));
        // DELETE /me as the admin ends the admin's account (a fresh one starts at its next call):
        // it runs last, after every other cell.
        String last = "DELETE /api/v1/me";
        List<String> order = new ArrayList<>(matrix.keySet());
        order.remove(last);
        order.add(last);
        // The seven cells of a row are built and sent at once (each on its own fresh objects);
        // each cell's dynamic test then checks its own answer.
        ExecutorService pool = Executors.newFixedThreadPool(Role.values().length);
        Map<String, Map<Role, Future<Outcome>>> rows = new ConcurrentHashMap<>();
        for (String operation : order) {
            Function<Role, Req> builder = cases.cases.get(operation);
            if (builder == null) {
                continue;
            }
            for (Role role : Role.values()) {
                int expected = matrix.get(operation).get(role);
                tests.add(DynamicTest.dynamicTest(operation + " as " + role.column + " -> " + expected, () -> {
                    Outcome outcome;
                    try {
                        outcome = rows.computeIfAbsent(operation, op -> start(pool, world, op, builder))
                                .get(role).get(2, TimeUnit.MINUTES);
                    } catch (ExecutionException e) {
                        throw e.getCause();
                    }
                    executed.incrementAndGet();
                    Response response = outcome.response();
                    if (response.statusCode() != expected) {
                        String line = operation + " as " + role.column + ": expected " + expected + ", got "
                                + response.statusCode() + " (" + outcome.req() + ") " + abbreviate(response.asString());
                        synchronized (wrong) {
                            wrong.add(line);
                        }
                        fail(line);
                    }
                }));
            }
        }
        tests.add(DynamicTest.dynamicTest("summary", () -> {
            pool.shutdownNow();
            int deleted = AuthzWorld.cleanUp();
            System.out.println("Authorisation matrix: " + executed.get() + " cells executed (" + deleted
                    + " objects cleaned up), " + wrong.size()
                    + " wrong" + (wrong.isEmpty() ? "" : ":\n  " + String.join("\n  ", wrong)));
            assertTrue(wrong.isEmpty(), wrong.size() + " wrong cells:\n" + String.join("\n", wrong));
        }));
        return tests.stream();
    }

    record Outcome(Req req, Response response) {
    }

    /** Builds and sends the cells of one row concurrently; DELETE /me as the admin waits for the others. */
    private static Map<Role, Future<Outcome>> start(ExecutorService pool, AuthzWorld world, String operation,
                                                    Function<Role, Req> builder) {
        Map<Role, Future<Outcome>> futures = new EnumMap<>(Role.class);
        boolean adminLast = operation.equals("DELETE /api/v1/me");
        for (Role role : Role.values()) {
            if (adminLast && role == Role.ADMIN) {
                continue;
            }
            futures.put(role, pool.submit(() -> {
                Req req = builder.apply(role);
                return new Outcome(req, req.send(world.username(role)));
            }));
        }
        if (adminLast) {
            List<Future<Outcome>> others = List.copyOf(futures.values());
            futures.put(Role.ADMIN, pool.submit(() -> {
                for (Future<Outcome> other : others) {
                    try {
                        other.get();
                    } catch (ExecutionException ignored) {
                        // reported by that cell
                    }
                }
                Req req = builder.apply(Role.ADMIN);
                return new Outcome(req, req.send(world.username(Role.ADMIN)));
            }));
        }
        return futures;
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
