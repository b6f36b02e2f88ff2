package io.launchpad.api.opendata;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The OCDS 1.1.5 release and record package schemas, from the copies in test resources:
 * the schemas' own {@code id} URIs are mapped to the files, so validating never fetches
 * anything.
 */
final class OcdsSchemas {

    private static final String BASE = "https://standard.open-contracting.org/schema/1__1__5/";

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4,
            builder -> builder
                .schemas(Map.of(BASE + "release-package-schema.json", resource("release-package-schema.json"),
                        BASE + "release-schema.json", resource("release-schema.json"),
                        BASE + "record-package-schema.json", resource("record-package-schema.json"))));

    static final Schema RELEASE_PACKAGE = REGISTRY.getSchema(SchemaLocation.of(BASE + "release-package-schema.json"));
    static final Schema RECORD_PACKAGE = REGISTRY.getSchema(SchemaLocation.of(BASE + "record-package-schema.json"));

    private OcdsSchemas() {
    }

    /** What the schema says is wrong with the document (empty when it validates). */
    static List<String> problems(Schema schema, String json) {
        return schema.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
    }

    private static String resource(String name) {
        try (InputStream in = OcdsSchemas.class.getResourceAsStream("/ocds-1.1.5/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
