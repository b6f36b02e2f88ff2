package io.launchpad.api.problem;

import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Jackson 3.1 reads lists of strings on a fast path that takes a nested array
 * ({@code "categories": [["a"]]}) as items of the outer list, loses its place, and fails only at
 * the end of the body with no field to name (or, were trailing tokens allowed, silently drops the
 * fields after it). A String deserializer of our own takes such lists off that path, so the general
 * collection deserializer reports {@code categories[0]: must be a string} like any other mismatch.
 * Boot registers every Jackson module bean with the mapper the codecs use.
 */
@Component
class StringListsRejectNestedArrays extends SimpleModule {

    StringListsRejectNestedArrays() {
        super("string-lists-reject-nested-arrays");
        addDeserializer(String.class, new Strings());
    }

    /** Jackson's own String rules, in a class Jackson does not recognise as its default. */
    static final class Strings extends StdScalarDeserializer<String> {

        Strings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            return parser.hasToken(JsonToken.VALUE_STRING) ? parser.getString()
                    : StringDeserializer.instance.deserialize(parser, context);
        }

        @Override
        public Object getEmptyValue(DeserializationContext context) {
            return StringDeserializer.instance.getEmptyValue(context);
        }
    }
}
