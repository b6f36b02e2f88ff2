package io.launchpad.api.input;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.type.LogicalType;

/**
 * Reads every JSON string of a request body: refuses what is not valid text (see
 * {@link UnicodeText}) and hands on the NFC form, so what is stored, searched and
 * compared is one spelling of each character.
 * <p>
 * Being a String deserializer of our own also takes lists of strings off Jackson 3.1's
 * fast path, which reads a nested array ({@code "categories": [["a"]]}) as items of the
 * outer list, loses its place and fails at the end of the body with no field to name; the
 * general collection reader used instead reports {@code categories[0]: must be a string}.
 * (There must be only one String deserializer: a second module registering another would
 * silently replace this one.)
 */
class ValidTextDeserializer extends StdScalarDeserializer<String> {

    ValidTextDeserializer() {
        super(String.class);
    }

    @Override
    public @Nullable String deserialize(JsonParser parser, DeserializationContext context) {
        String text = StringDeserializer.instance.deserialize(parser, context);
        if (text == null) {
            return null;
        }
        var flaw = UnicodeText.flaw(text);
        if (flaw.isPresent()) {
            throw new RejectedText(parser, flaw.get());
        }
        return UnicodeText.normalise(text);
    }

    @Override
    public LogicalType logicalType() {
        return LogicalType.Textual;
    }

    @Override
    public Object getEmptyValue(DeserializationContext context) {
        return "";
    }

}
