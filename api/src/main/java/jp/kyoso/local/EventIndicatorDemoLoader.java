package jp.kyoso.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.kyoso.indicator.ComputedFrom;
import jp.kyoso.indicator.ComputedMeasure;
import jp.kyoso.indicator.DerivedActuals;
import jp.kyoso.indicator.Direction;
import jp.kyoso.indicator.Indicator;
import jp.kyoso.indicator.IndicatorItemLink;
import jp.kyoso.indicator.IndicatorSource;
import jp.kyoso.indicator.IndicatorValue;
import jp.kyoso.plan.PlanItem;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The demo's event-fed indicators ({@code indicators} of {@code demo/events.json}): computed
 * indicators (source PLATFORM) whose actuals come from the demo events. Runs after the demo events
 * are loaded; the baseline is the derived figure of {@code baselineFiscalYear} as it stands then,
 * typed like any baseline; targets and notes are typed. An indicator is inserted only when its
 * fixed id is absent.
 */
@ApplicationScoped
public class EventIndicatorDemoLoader {

    private static final Logger LOG = Logger.getLogger(EventIndicatorDemoLoader.class);

    @ConfigProperty(name = "kyoso.demo-data", defaultValue = "false")
    boolean enabled;

    @Inject
    EntityManager em;
    @Inject
    DerivedActuals derived;

    /** After the demo events (APPLICATION + 700). */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 800) StartupEvent event) {
        if (enabled) {
            load();
        }
    }

    @Transactional
    public void load() {
        int added = 0;
        for (JsonNode d : read().path("indicators")) {
            UUID id = UUID.fromString(d.get("id").asText());
            if (Indicator.findById(id) == null) {
                insert(id, d);
                added++;
            }
        }
        LOG.infof("Demo event-fed indicators: %d added", added);
    }

    private void insert(UUID id, JsonNode d) {
        JsonNode computed = d.get("computed");
        Indicator i = new Indicator();
        i.id = id;
        i.municipalityCode = d.get("municipalityCode").asText();
        i.planId = d.path("planId").isNull() || d.path("planId").isMissingNode() ? null
                : UUID.fromString(d.get("planId").asText());
        i.name = d.get("name").asText();
        i.unit = d.get("unit").asText();
        i.direction = Direction.valueOf(d.get("direction").asText());
        i.source = IndicatorSource.valueOf(d.get("source").asText());
        i.definition = d.path("definition").asText(null);
        i.decimals = d.path("decimals").asInt(0);
        i.tolerance = d.path("tolerance").isNumber() ? d.get("tolerance").decimalValue() : null;
        i.sortOrder = d.path("sortOrder").asInt(0);
        i.computedFrom = ComputedFrom.valueOf(computed.get("from").asText());
        i.computedMeasure = ComputedMeasure.valueOf(computed.get("measure").asText());
        i.computedKinds = texts(computed.path("kinds")).toArray(String[]::new);
        i.computedAreaIds = texts(computed.path("areaIds")).stream().map(UUID::fromString).toArray(UUID[]::new);
        i.createdBy = d.path("createdBy").isTextual() ? userId(d.get("createdBy").asText()) : null;
        i.createdAt = OffsetDateTime.now();
        i.updatedAt = i.createdAt;
        i.persist();
        em.flush();
        for (String item : texts(d.path("planItemIds"))) {
            if (PlanItem.findById(UUID.fromString(item)) != null) {
                IndicatorItemLink.of(i.id, UUID.fromString(item)).persist();
            }
        }
        Map<Integer, IndicatorValue> values = new TreeMap<>();
        if (d.path("baselineFiscalYear").isInt()) {
            int year = d.get("baselineFiscalYear").asInt();
            BigDecimal baseline = derived.of(i).get(year);
            if (baseline != null) {
                value(i, year, values).baseline = baseline;
            }
        }
        for (JsonNode v : d.path("values")) {
            IndicatorValue row = value(i, v.get("fiscalYear").asInt(), values);
            row.target = v.path("target").isNumber() ? v.get("target").decimalValue() : row.target;
            row.note = v.path("note").isTextual() ? v.get("note").asText() : row.note;
        }
        values.values().forEach(v -> v.persist());
        em.flush();
    }

    private static IndicatorValue value(Indicator i, int fiscalYear, Map<Integer, IndicatorValue> values) {
        return values.computeIfAbsent(fiscalYear, y -> {
            IndicatorValue v = new IndicatorValue();
            v.id = new IndicatorValue.Key(i.id, y);
            v.updatedBy = i.createdBy;
            v.updatedAt = i.createdAt;
            return v;
        });
    }

    private UUID userId(String username) {
        return em.createQuery("select u.id from UserAccount u where u.email = ?1 order by u.createdAt", UUID.class)
                .setParameter(1, username + "@kyoso.example").setMaxResults(1).getResultStream().findFirst()
                .orElse(null);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static JsonNode read() {
        try (InputStream in = EventIndicatorDemoLoader.class.getResourceAsStream("/demo/events.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read /demo/events.json", e);
        }
    }
}
