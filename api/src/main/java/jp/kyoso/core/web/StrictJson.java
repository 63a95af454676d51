package jp.kyoso.core.web;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jp.kyoso.core.problem.TooManyElements;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.Size;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads request JSON strictly, so that a malformed value is refused (400 naming the field)
 * instead of being silently turned into something else, and so that no body under the size
 * limit can cost more than a parse: no duplicate keys, no content after the value, no number
 * for a string, a boolean or an enum and no string for a number or a boolean ({@code "１２"} is
 * not 12), no fraction for an integer, no empty string for a date, id or number, an enum only
 * by its exact name ({@code " HAVE"} is not HAVE), no C0 control characters (tab, CR and LF are
 * text) and no lone surrogates in strings, dates only as {@code yyyy-MM-dd}.
 *
 * <p>Arrays are bounded while they are read, before bean validation looks at their elements:
 * a {@code null} element is refused at once, and an array longer than its {@code @Size(max)} is
 * refused as a whole (every array of a request body has one: NegativeInputTest checks the
 * contract). Bean validation of a long array of bad elements costs far more than reading it
 * (its cost grows with the square of the violations), so it never gets to see one. Nesting
 * depth, string, number and name lengths are bounded too.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** Request bodies are at most 1 MiB; no request shape nests deeper than a few levels. */
    static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(32)
            .maxNumberLength(40)
            .maxStringLength(1_100_000)
            .maxNameLength(200)
            .build();

    /** Last, so that these deserializers replace the ones of the Java time module Quarkus registers. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(LIMITS);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.setDefaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        mapper.coercionConfigDefaults().setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        SimpleModule strict = new SimpleModule("kyoso-strict-input");
        strict.addDeserializer(String.class, new Text());
        strict.addDeserializer(LocalDate.class, new Date());
        strict.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
                                                                    BeanDescription description,
                                                                    JsonDeserializer<?> deserializer) {
                return new BoundedCollection(deserializer, Integer.MAX_VALUE);
            }

            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                              BeanDescription description,
                                                              JsonDeserializer<?> deserializer) {
                @SuppressWarnings({"unchecked", "rawtypes"})
                JsonDeserializer<?> exact = new ExactEnum(type.getRawClass());
                return exact;
            }
        });
        mapper.registerModule(strict);
    }

    /** Wraps Jackson's own collection reading with the element bound of the property it fills. */
    static final class BoundedCollection extends StdDeserializer<Object>
            implements ContextualDeserializer, ResolvableDeserializer {

        private final JsonDeserializer<?> delegate;
        private final int max;

        BoundedCollection(JsonDeserializer<?> delegate, int max) {
            super(delegate.handledType());
            this.delegate = delegate;
            this.max = max;
        }

        @Override
        public void resolve(DeserializationContext ctxt) throws JsonMappingException {
            if (delegate instanceof ResolvableDeserializer r) {
                r.resolve(ctxt);
            }
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
                throws JsonMappingException {
            JsonDeserializer<?> contextual = delegate instanceof ContextualDeserializer c
                    ? c.createContextual(ctxt, property) : delegate;
            Size size = property == null ? null : property.getAnnotation(Size.class);
            return size == null || size.max() == Integer.MAX_VALUE ? contextual : new BoundedCollection(contextual, size.max());
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Object value = delegate.deserialize(p, ctxt);
            if (value instanceof Collection<?> c && c.size() > max) {
                throw new TooManyElements(p, max);
            }
            return value;
        }

        @Override
        public Object getNullValue(DeserializationContext ctxt) throws JsonMappingException {
            return delegate.getNullValue(ctxt);
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Collection;
        }
    }

    /** An enum constant by its exact name, and only from a JSON string. */
    static final class ExactEnum<E extends Enum<E>> extends StdScalarDeserializer<E> {

        private final Map<String, E> byName = new HashMap<>();

        ExactEnum(Class<E> type) {
            super(type);
            for (E constant : type.getEnumConstants()) {
                byName.put(constant.name(), constant);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public E deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (E) ctxt.handleUnexpectedToken(handledType(), p);
            }
            E constant = byName.get(p.getText());
            if (constant == null) {
                throw ctxt.weirdStringException(p.getText(), handledType(), "not one of the values accepted");
            }
            return constant;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Enum;
        }
    }

    /** A JSON string, and nothing else, without C0 control characters other than tab, CR and LF, nor lone surrogates. */
    static final class Text extends StdScalarDeserializer<String> {

        Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String text = p.getText();
            InputGuard.TextDefect defect = InputGuard.defectIn(text);
            if (defect != null) {
                throw ctxt.weirdStringException(text, String.class, defect.label.in(jp.kyoso.core.i18n.Language.EN));
            }
            return text;
        }
    }

    /** A calendar date as {@code yyyy-MM-dd}, a real one (no 30 February, no time of day). */
    static final class Date extends StdScalarDeserializer<LocalDate> {

        private static final Pattern ISO = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

        Date() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            }
            String text = p.getText();
            if (ISO.matcher(text).matches()) {
                try {
                    return LocalDate.parse(text);
                } catch (DateTimeParseException e) {
                    // falls through to the format error
                }
            }
            throw ctxt.weirdStringException(text, LocalDate.class, "expected a date as yyyy-MM-dd");
        }
    }
}
