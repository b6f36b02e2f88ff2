package io.launchpad.api.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The modules the compiled classes really form: each direct sub-package of a root package
 * is one module (its own sub-packages fold into it), the root package itself is
 * {@link #ROOT} (its auto-configuration, which wires the sub-packages together, is
 * {@link #WIRING}), and one module uses another when any of its classes depends on any of
 * the other's (a field, a parameter, a call, an annotation, a type argument). Read by
 * {@link ModularityTest} and written out by {@link ModuleDocumentTest}.
 */
final class ModuleMap {

    static final String ROOT = "(root)";
    static final String WIRING = "(auto-configuration)";

    private static final String AUTO_CONFIGURATION = "org.springframework.boot.autoconfigure.AutoConfiguration";
    static final String API = "io.launchpad.api";
    static final String MATCHING = "io.launchpad.matching";

    private static JavaClasses production;

    private ModuleMap() {
    }

    /** The API's and matching's production classes, imported once per test JVM. */
    static synchronized JavaClasses production() {
        if (production == null) {
            // matching's test jar (its shared test helpers) is on this class path once
            // packaged; ArchUnit's own
            // option only recognises test-classes folders, so the jar is left out by name
            production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("io.launchpad");
        }
        return production;
    }

    /**
     * The module a class belongs to under {@code root}, or null when it lies outside it.
     */
    static String moduleOf(JavaClass type, String root) {
        String name = type.getPackageName();
        if (name.equals(root)) {
            return isWiring(type) ? WIRING : ROOT;
        }
        if (!name.startsWith(root + ".")) {
            return null;
        }
        String rest = name.substring(root.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /**
     * A Spring Boot auto-configuration (or a class nested in one): the place that wires
     * modules together.
     */
    static boolean isWiring(JavaClass type) {
        for (JavaClass c = type; c != null; c = c.getEnclosingClass().orElse(null)) {
            if (c.isAnnotatedWith(AUTO_CONFIGURATION)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Every module under {@code root} with the modules it uses (never itself), both
     * sorted.
     */
    static SortedMap<String, SortedSet<String>> uses(JavaClasses classes, String root) {
        SortedMap<String, SortedSet<String>> uses = new TreeMap<>();
        for (JavaClass type : classes) {
            String from = moduleOf(type, root);
            if (from == null) {
                continue;
            }
            SortedSet<String> used = uses.computeIfAbsent(from, module -> new TreeSet<>());
            for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                String to = moduleOf(dependency.getTargetClass().getBaseComponentType(), root);
                if (to != null && !to.equals(from)) {
                    used.add(to);
                }
            }
        }
        return uses;
    }

    /**
     * The modules under {@code root} that use each one (the inverse of {@link #uses}).
     */
    static SortedMap<String, SortedSet<String>> usedBy(Map<String, SortedSet<String>> uses) {
        SortedMap<String, SortedSet<String>> usedBy = new TreeMap<>();
        uses.keySet().forEach(module -> usedBy.put(module, new TreeSet<>()));
        uses.forEach(
                (from, targets) -> targets.forEach(to -> usedBy.computeIfAbsent(to, m -> new TreeSet<>()).add(from)));
        return usedBy;
    }

    /**
     * The API modules whose classes use matching (its contract package or anything under
     * it).
     */
    static SortedSet<String> apiModulesUsingMatching(JavaClasses classes) {
        SortedSet<String> users = new TreeSet<>();
        for (JavaClass type : classes) {
            String from = moduleOf(type, API);
            if (from != null && type.getDirectDependenciesFromSelf()
                .stream()
                .anyMatch(
                        dependency -> moduleOf(dependency.getTargetClass().getBaseComponentType(), MATCHING) != null)) {
                users.add(from);
            }
        }
        return users;
    }

}
