package jp.kyoso.support.statements;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * PostgreSQL's JDBC driver with a counter of every statement sent to the server: each
 * {@code execute*} call of a statement, prepared statement or call of a connection it opened
 * (Hibernate's queries, native queries, and the JDBC the filters run themselves). Selected by
 * {@link StatementCountProfile} ({@code quarkus.datasource.jdbc.driver}); the pool wraps these
 * connections as it wraps the driver's own, and {@code unwrap} reaches the driver's connection.
 */
public class CountingDriver extends org.postgresql.Driver {

    /** Statements executed since the start, on every connection of the pool. */
    public static final AtomicLong EXECUTED = new AtomicLong();
    /** The text of the statements prepared while {@link #capture} is on (to name the ones that repeat). */
    public static final Queue<String> CAPTURED = new ConcurrentLinkedQueue<>();
    public static volatile boolean capture;

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        Connection real = super.connect(url, info);
        return real == null ? null : proxy(Connection.class, real, (self, method, args) -> {
            Object result = call(real, method, args);
            if (capture && method.getName().startsWith("prepare") && args != null && args[0] instanceof String sql) {
                CAPTURED.add(sql);
            }
            if (result instanceof CallableStatement s) {
                return proxy(CallableStatement.class, s, counting(s));
            }
            if (result instanceof PreparedStatement s) {
                return proxy(PreparedStatement.class, s, counting(s));
            }
            if (result instanceof Statement s) {
                return proxy(Statement.class, s, counting(s));
            }
            return result;
        });
    }

    private static InvocationHandler counting(Statement real) {
        return (self, method, args) -> {
            if (method.getName().startsWith("execute")) {
                EXECUTED.incrementAndGet();
            }
            return call(real, method, args);
        };
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T real, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(CountingDriver.class.getClassLoader(), new Class<?>[]{type},
                (self, method, args) -> switch (method.getName()) {
                    case "unwrap" -> ((Class<?>) args[0]).isInstance(self) ? self : call(real, method, args);
                    case "isWrapperFor" -> ((Class<?>) args[0]).isInstance(self) || (boolean) call(real, method, args);
                    default -> handler.invoke(self, method, args);
                });
    }
}
