package io.launchpad.api.architecture;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.launchpad.infra.stack.Postgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Tags;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast layer ({@code ./mvnw -Pfast ... test}) leaves out the tests tagged {@value #REAL}, so the tag
 * is not left to memory: a test class that reaches a real component (the stack starter's PostgreSQL,
 * Elasticsearch or Keycloak, embedded PostgreSQL, GreenMail, a Spring Boot test context), directly or
 * through a test helper such as {@code RealComponents} or {@code ApiTestBase}, must carry the tag itself,
 * on a superclass or on an enclosing class (JUnit inherits tags from all three).
 * <p>
 * Matching's test tree has the same rule ({@code io.launchpad.matching.RealComponentTagTest}).
 */
class RealComponentTagTest {

    static final String REAL = "real";

    /** Types in these packages are real components or start them. */
    private static final List<String> REAL_PACKAGES = List.of("io.launchpad.infra.stack", "io.zonky.test",
            "com.icegreen.greenmail");
    private static final String SPRING_BOOT_TEST = "org.springframework.boot.test.context.SpringBootTest";
    private static final Set<String> TEST_METHOD_ANNOTATIONS = Set.of("org.junit.jupiter.api.Test",
            "org.junit.jupiter.params.ParameterizedTest", "org.junit.jupiter.api.RepeatedTest",
            "org.junit.jupiter.api.TestFactory", "org.junit.jupiter.api.TestTemplate");

    @Test
    void everyTestThatReachesARealComponentIsTaggedReal() {
        JavaClasses tests = withoutResolvingFromTheClassPath(() -> new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS).importPackages("io.launchpad.api"));
        List<JavaClass> checked = tests.stream().filter(type -> !isThisRuleOrItsFixtures(type)).toList();
        assertThat(checked).as("test classes imported").hasSizeGreaterThan(20);
        assertThat(untaggedRealTests(checked))
                .as("tests that reach a real component without @Tag(\"real\"); -Pfast would run them")
                .isEmpty();
    }

    @Test
    void theRuleFindsAnUntaggedTestReachingARealComponentDirectlyOrThroughAHelper() {
        JavaClasses fixtures = new ClassFileImporter().importClasses(StartsPostgres.class, ThroughHelper.class,
                Helper.class, TaggedStartsPostgres.class, InheritsTheTag.class, Pure.class);
        assertThat(untaggedRealTests(List.copyOf(fixtures)))
                .containsExactly(StartsPostgres.class.getName(), ThroughHelper.class.getName());
    }

    /** Test classes (with a test method) that reach a real component, directly or through other imported classes, untagged. */
    static List<String> untaggedRealTests(List<JavaClass> classes) {
        Set<String> imported = new HashSet<>();
        classes.forEach(type -> imported.add(type.getName()));
        Set<String> real = new HashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (JavaClass type : classes) {
                if (!real.contains(type.getName()) && reachesReal(type, imported, real)) {
                    real.add(type.getName());
                    // a nested class's component is its enclosing test's component too
                    type.getEnclosingClass().ifPresent(outer -> real.add(outer.getName()));
                    grew = true;
                }
            }
        }
        return classes.stream()
                .filter(type -> real.contains(type.getName()) && isTestClass(type) && !taggedReal(type))
                .map(JavaClass::getName)
                .sorted()
                .toList();
    }

    private static boolean reachesReal(JavaClass type, Set<String> imported, Set<String> real) {
        if (type.isAnnotatedWith(SPRING_BOOT_TEST)) {
            return true;
        }
        for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
            JavaClass target = dependency.getTargetClass().getBaseComponentType();
            if (target.getName().equals(SPRING_BOOT_TEST) || isRealComponent(target)
                    || (imported.contains(target.getName()) && real.contains(target.getName()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isRealComponent(JavaClass type) {
        String name = type.getPackageName();
        return REAL_PACKAGES.stream().anyMatch(prefix -> name.equals(prefix) || name.startsWith(prefix + "."));
    }

    private static boolean isTestClass(JavaClass type) {
        return type.getAllMethods().stream().anyMatch(method -> method.getAnnotations().stream()
                .anyMatch(annotation -> TEST_METHOD_ANNOTATIONS.contains(annotation.getRawType().getName())));
    }

    private static boolean taggedReal(JavaClass type) {
        Optional<JavaClass> current = Optional.of(type);
        while (current.isPresent()) {
            JavaClass candidate = current.get();
            Stream<String> tags = Stream.concat(
                    candidate.tryGetAnnotationOfType(Tag.class).stream().map(Tag::value),
                    candidate.tryGetAnnotationOfType(Tags.class).stream().flatMap(all -> Stream.of(all.value())).map(Tag::value));
            if (tags.anyMatch(REAL::equals)
                    || candidate.getEnclosingClass().map(RealComponentTagTest::taggedReal).orElse(false)) {
                return true;
            }
            current = candidate.getRawSuperclass();
        }
        return false;
    }

    /**
     * Only the names of the types a test uses matter here, so they are not looked up on the class path
     * (which otherwise takes most of this test's time, resolving Spring and Elasticsearch types).
     */
    private static JavaClasses withoutResolvingFromTheClassPath(Supplier<JavaClasses> importing) {
        ArchConfiguration configuration = ArchConfiguration.get();
        boolean resolving = configuration.resolveMissingDependenciesFromClassPath();
        configuration.setResolveMissingDependenciesFromClassPath(false);
        try {
            return importing.get();
        } finally {
            configuration.setResolveMissingDependenciesFromClassPath(resolving);
        }
    }

    private static boolean isThisRuleOrItsFixtures(JavaClass type) {
        return type.getName().equals(RealComponentTagTest.class.getName())
                || type.getName().startsWith(RealComponentTagTest.class.getName() + "$");
    }

    // ---- what the rule must tell apart: surefire never runs nested classes, and their test methods are empty

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
