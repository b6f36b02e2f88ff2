package io.launchpad.matching;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.launchpad.infra.stack.Postgres;
import io.launchpad.matching.testing.RealComponentTags;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static io.launchpad.matching.testing.RealComponentTags.REAL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Matching's tests that reach a real component are tagged {@value RealComponentTags#REAL}
 * ({@link RealComponentTags}).
 */
class RealComponentTagTest {

    @Test
    void everyTestThatReachesARealComponentIsTaggedReal() {
        List<JavaClass> checked = RealComponentTags.testClassesIn("io.launchpad.matching",
                name -> name.equals(RealComponentTagTest.class.getName())
                        || name.startsWith(RealComponentTagTest.class.getName() + "$"));
        assertThat(checked).as("test classes imported").hasSizeGreaterThan(20);
        assertThat(RealComponentTags.untaggedRealTests(checked))
            .as("tests that reach a real component without @Tag(\"real\"); -Pfast would run them")
            .isEmpty();
    }

    @Test
    void theRuleFindsAnUntaggedTestReachingARealComponentDirectlyOrThroughAHelper() {
        JavaClasses fixtures = new ClassFileImporter().importClasses(StartsPostgres.class, ThroughHelper.class,
                Helper.class, TaggedStartsPostgres.class, InheritsTheTag.class, Pure.class);
        assertThat(RealComponentTags.untaggedRealTests(List.copyOf(fixtures)))
            .containsExactly(StartsPostgres.class.getName(), ThroughHelper.class.getName());
    }

    // ---- what the rule must tell apart: surefire never runs nested classes, and their
    // test methods are empty

    static class StartsPostgres {

        Postgres postgres;

        @Test
        void test() {
        }

    }

    static class Helper {

        Postgres postgres;

    }

    static class ThroughHelper {

        Helper helper;

        @Test
        void test() {
        }

    }

    @Tag(REAL)
    static class TaggedStartsPostgres {

        Postgres postgres;

        @Test
        void test() {
        }

    }

    static class InheritsTheTag extends TaggedStartsPostgres {

    }

    static class Pure {

        @Test
        void test() {
        }

    }

}
