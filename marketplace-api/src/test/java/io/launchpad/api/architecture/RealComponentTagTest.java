package io.launchpad.api.architecture;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClass;
import io.launchpad.matching.testing.RealComponentTags;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's tests that reach a real component are tagged {@value RealComponentTags#REAL},
 * by the rule matching's test tree defines and proves ({@link RealComponentTags}).
 */
class RealComponentTagTest {

    @Test
    void everyTestThatReachesARealComponentIsTaggedReal() {
        List<JavaClass> checked = RealComponentTags.testClassesIn("io.launchpad.api", name -> false);
        assertThat(checked).as("test classes imported").hasSizeGreaterThan(20);
        assertThat(RealComponentTags.untaggedRealTests(checked))
            .as("tests that reach a real component without @Tag(\"real\"); -Pfast would run them")
            .isEmpty();
    }

}
