package jp.kyoso.core.web;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtFormatter;
import org.jboss.logmanager.ExtLogRecord;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Logger;

/**
 * One JSON object per log line in production ({@code kyoso.log.json}, on in the prod profile):
 * time (UTC, ISO-8601), level, logger, thread, message, the request id ({@link RequestIds}) and
 * the stack trace of an exception. (quarkus-logging-json's deployment artifact does not resolve
 * from the registry these machines reach; jboss-logmanager's formatter API does the same.) The
 * console handler is switched at start-up, so the few lines Quarkus writes before it stay plain.
 */
@ApplicationScoped
public class JsonLogs {

    @ConfigProperty(name = "kyoso.log.json", defaultValue = "false")
    boolean enabled;

    void install(@Observes @Priority(1) StartupEvent started) {
        if (!enabled) {
            return;
        }
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            install(handler);
        }
    }

    private static void install(Handler handler) {
        if (handler instanceof org.jboss.logmanager.handlers.ConsoleHandler
                || handler instanceof ConsoleHandler) {
            handler.setFormatter(new Json());
        }
        if (handler instanceof org.jboss.logmanager.ExtHandler ext) {
            for (Handler nested : ext.getHandlers()) {
                install(nested);
            }
        }
    }

    /** The formatter: a flat JSON object and a newline. */
    public static final class Json extends ExtFormatter {
        @Override
        public String format(ExtLogRecord record) {
            StringBuilder out = new StringBuilder(256).append('{');
            field(out, "time", Instant.ofEpochMilli(record.getMillis()).toString()).append(',');
            field(out, "level", record.getLevel().getName()).append(',');
            field(out, "logger", record.getLoggerName()).append(',');
            field(out, "thread", record.getThreadName()).append(',');
            Object requestId = record.getMdc(RequestIds.MDC_KEY);
            if (requestId != null) {
                field(out, "requestId", requestId.toString()).append(',');
            }
            field(out, "message", formatMessage(record));
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                field(out.append(','), "exception", trace.toString());
            }
            return out.append("}\n").toString();
        }

        private static StringBuilder field(StringBuilder out, String name, String value) {
            out.append('"').append(name).append("\":");
            if (value == null) {
                return out.append("null");
            }
            out.append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            return out.append('"');
        }
    }
}
