package io.launchpad.matching.indexes;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The templates say which schema they build, so an index from an older one can be
 * recognised.
 */
class TemplateSchemaTest {

    @Test
    void everyTemplateStatesItsSchemaVersion() {
        assertThat(IndexSetup.schemaVersion("suppliers-v1.json")).isEqualTo(7);
        assertThat(IndexSetup.schemaVersion("challenges-v1.json")).isEqualTo(5);
        assertThat(IndexSetup.schemaVersion("candidates-v1.json")).isEqualTo(3);
        assertThat(IndexSetup.schemaVersion("board-roles-v1.json")).isEqualTo(3);
    }

}
