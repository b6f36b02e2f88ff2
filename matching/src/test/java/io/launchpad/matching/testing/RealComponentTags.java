package io.launchpad.matching.testing;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Tags;

/**
 * The fast layer ({@code ./mvnw -Pfast ... test}) leaves out the tests tagged
 * {@value #REAL}, so the tag is not left to memory: a test class that reaches a real
 * component (the stack starter's PostgreSQL, Elasticsearch or Keycloak, embedded
 * PostgreSQL, GreenMail, a Spring Boot test context), directly or through a test helper
 * such as {@code RealComponents}, {@code MatchingApp} or {@code ApiTestBase}, must carry
 * the tag itself, on a superclass or on an enclosing class (JUnit inherits tags from all
 * three).
 * <p>
 * One rule for both test trees: matching's {@code RealComponentTagTest} (which also
 * proves the rule on fixtures) and the API's, which reaches this class through matching's
 * test jar.
 */
public final class RealComponentTags {

    public static final String REAL = "real";

    /** Types in these packages are real components or start them. */
    private static final List<String> REAL_PACKAGES = List.of("io.launchpad.infra.stack", "io.zonky.test",
            "com.icegreen.greenmail");

    private static final String SPRING_BOOT_TEST = "org.springframework.boot.test.context.SpringBootTest";

    private static final Set<String> TEST_METHOD_ANNOTATIONS = Set.of("org.junit.jupiter.api.Test",
            "org.junit.jupiter.params.ParameterizedTest", "org.junit.jupiter.api.RepeatedTest",
            "org.junit.jupiter.api.TestFactory", "org.junit.jupiter.api.TestTemplate");

    /**
     * Test classes (with a test method) that reach a real component, directly or through
     * other imported classes, untagged.
     */
    public static List<String> untaggedRealTests(List<JavaClass> classes) {
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
        return type.getAllMethods()
            .stream()
            .anyMatch(method -> method.getAnnotations()
                .stream()
                .anyMatch(annotation -> TEST_METHOD_ANNOTATIONS.contains(annotation.getRawType().getName())));
    }

    private static boolean taggedReal(JavaClass type) {
        Optional<JavaClass> current = Optional.of(type);
        while (current.isPresent()) {
            JavaClass candidate = current.get();
            Stream<String> tags = Stream.concat(candidate.tryGetAnnotationOfType(Tag.class).stream().map(Tag::value),
                    candidate.tryGetAnnotationOfType(Tags.class)
                        .stream()
                        .flatMap(all -> Stream.of(all.value()))
                        .map(Tag::value));
            if (tags.anyMatch(REAL::equals)
                    || candidate.getEnclosingClass().map(RealComponentTags::taggedReal).orElse(false)) {
                return true;
            }
            current = candidate.getRawSuperclass();
        }
        return false;
    }

    /**
     * Only the names of the types a test uses matter here, so they are not looked up on
     * the class path (which otherwise takes most of this test's time, resolving Spring
     * and Elasticsearch types).
     */
    /**
     * The test classes of a test tree, other than the ones {@code excluded} names (a
     * rule's own fixtures).
     */
    public static List<JavaClass> testClassesIn(String rootPackage, Predicate<String> excluded) {
        JavaClasses tests = withoutResolvingFromTheClassPath(
                () -> new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                    .importPackages(rootPackage));
        return tests.stream().filter(type -> !excluded.test(type.getName())).toList();
    }

    private static JavaClasses withoutResolvingFromTheClassPath(Supplier<JavaClasses> importing) {
        ArchConfiguration configuration = ArchConfiguration.get();
        boolean resolving = configuration.resolveMissingDependenciesFromClassPath();
        configuration.setResolveMissingDependenciesFromClassPath(false);
        try {
            return importing.get();
        }
        finally {
            configuration.setResolveMissingDependenciesFromClassPath(resolving);
        }
    }

    private RealComponentTags() {
    }

}
