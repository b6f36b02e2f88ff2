package io.launchpad.api.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.JavaTypeVariable;
import com.tngtech.archunit.core.domain.JavaWildcardType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.launchpad.matching.SupplierMatch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Module boundaries, as rules that fail on a new coupling (docs/decisions.md, "Module
 * boundaries"; the map they keep is {@code docs/modules.md}). Only rules the compiler and
 * Maven do not already enforce belong here: matching cannot see the API and the API
 * cannot see the web app or infra anyway, since neither is on the other's classpath (save
 * {@code infra/correlation}, the correlation-id filter both apps use).
 */
class ModularityTest {

    /**
     * The API's packages every feature may use and that use no feature in turn: the
     * problem catalogue, the HTTP plumbing, the callers, the store, bean validation, the
     * vocabularies, and the personal-data registry the features plug into. Any package
     * not listed here is a feature.
     */
    static final List<String> SHARED = List.of("contract", "database", "idempotency", "input", "observability",
            "privacy", "problem", "ratelimit", "rules", "secrets", "security", "server", "taxonomy", "web");

    /**
     * Controllers allowed to answer with matching's own records: the operators' index and
     * outbox endpoints report matching's machinery (reindex reports, outbox rows) to its
     * operators, not the marketplace to its clients (decisions.md, "The API owns its
     * contract").
     */
    static final Set<String> OPERATOR_REPORTS = Set.of("io.launchpad.api.admin.IndexAdminController",
            "io.launchpad.api.admin.OutboxAdminController");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = ModuleMap.production();
    }

    // --- matching ---

    @Test
    void apiUsesOnlyTheMatchingContract() {
        noClasses().that()
            .resideInAPackage("io.launchpad.api..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.launchpad.matching.(*)..")
            .because("matching's sub-packages are its internals; its contract is the package io.launchpad.matching")
            .check(classes);
    }

    @Test
    void matchingIsLayered() {
        DescribedPredicate<JavaClass> wiring = DescribedPredicate.describe("matching's auto-configuration",
                (JavaClass type) -> type.getPackageName().equals(ModuleMap.MATCHING) && ModuleMap.isWiring(type));
        layeredArchitecture().consideringOnlyDependenciesInLayers()
            .ensureAllClassesAreContainedInArchitecture()
            .layer("wiring")
            .definedBy(wiring)
            .layer("contract")
            .definedBy(resideInAPackage("io.launchpad.matching").and(not(wiring)))
            .layer("lifecycle")
            .definedBy("io.launchpad.matching.lifecycle..")
            .layer("boardranking")
            .definedBy("io.launchpad.matching.boardranking..")
            .layer("ranking")
            .definedBy("io.launchpad.matching.ranking..")
            .layer("outbox")
            .definedBy("io.launchpad.matching.outbox..")
            .layer("indexes")
            .definedBy("io.launchpad.matching.indexes..")
            .whereLayer("wiring")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("contract")
            .mayNotAccessAnyLayer()
            .whereLayer("lifecycle")
            .mayOnlyAccessLayers("contract", "indexes", "outbox")
            .whereLayer("boardranking")
            .mayOnlyAccessLayers("contract", "indexes", "ranking")
            .whereLayer("ranking")
            .mayOnlyAccessLayers("contract", "indexes")
            .whereLayer("outbox")
            .mayOnlyAccessLayers("contract", "indexes")
            .whereLayer("indexes")
            .mayOnlyAccessLayers("contract")
            .because("the contract stands alone, the index definitions know no ranker or writer, and only the"
                    + " auto-configuration wires the internals together")
            .check(classes.that(resideInAPackage("io.launchpad.matching..")));
    }

    // --- the API's packages ---

    @Test
    void featurePackagesAreFreeOfCycles() {
        slices().matching("io.launchpad.api.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void sharedPackagesUseNoFeature() {
        String[] shared = SHARED.stream().map(name -> "io.launchpad.api." + name + "..").toArray(String[]::new);
        noClasses().that()
            .resideInAnyPackage(shared)
            .should()
            .dependOnClassesThat(resideInAPackage("io.launchpad.api.(*)..").and(not(resideInAnyPackage(shared))))
            .because("every feature builds on the shared packages; one that reached back into a feature would tie"
                    + " every feature to it")
            .check(classes);
    }

    @Test
    void controllersRunNoSql() {
        noClasses().that()
            .resideInAPackage("io.launchpad.api..")
            .and()
            .areAnnotatedWith(RestController.class)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.r2dbc..", "io.r2dbc..")
            .because("a controller checks who is asking and shapes the answer; queries live in its feature's"
                    + " repositories")
            .check(classes);
    }

    @Test
    void domainRulesKnowNoWebTypes() {
        classes().that()
            .resideInAPackage("io.launchpad.api.rules..")
            .or(simpleName("ChallengeFields").or(simpleName("BoardRoleFields"))
                .or(simpleName("CandidateFields"))
                .or(simpleName("SupplierFields"))
                .or(simpleName("ResponseFields"))
                .or(simpleName("OrganisationNames"))
                .or(simpleName("SkillsFramework")))
            .should()
            .onlyDependOnClassesThat(not(resideInAnyPackage("io.launchpad.api.problem..", "io.launchpad.api.web..",
                    "io.launchpad.api.security..", "org.springframework.web..", "org.springframework.http..",
                    "org.springframework.security..")))
            .because("a domain rule raises a RuleViolation; the problem layer decides what HTTP answer it becomes")
            .check(classes);
    }

    @Test
    void controllersAnswerWithTheApisOwnTypes() {
        methods().that()
            .areDeclaredInClassesThat()
            .resideInAPackage("io.launchpad.api..")
            .and()
            .areDeclaredInClassesThat()
            .areAnnotatedWith(RestController.class)
            .and()
            .areMetaAnnotatedWith(RequestMapping.class)
            .and()
            .areDeclaredInClassesThat(DescribedPredicate.describe("are not operator reports",
                    (JavaClass controller) -> !OPERATOR_REPORTS.contains(controller.getName())))
            .should(exposeNoMatchingType())
            .because("matching's records are mapped to the API's views, so matching can change without the JSON"
                    + " following it")
            .check(classes);
    }

    @Test
    void theContractRuleSeesAMatchingRecordInsideAView() {
        // the rule must be able to fail: a page of views whose items carry matching's
        // record
        JavaClass leaking = new ClassFileImporter().importClasses(LeakingController.class, LeakingPage.class)
            .get(LeakingController.class);
        assertThat(matchingTypesReachedBy(leaking.getMethod("matches"))).containsExactly(SupplierMatch.class.getName());
        assertThat(matchingTypesReachedBy(leaking.getMethod("take", SupplierMatch.class)))
            .containsExactly(SupplierMatch.class.getName());
    }

    @Test
    void controllersAndRepositoriesStayInsideTheirFeature() {
        classes().that()
            .haveSimpleNameEndingWith("Controller")
            .and()
            .resideInAPackage("io.launchpad.api..")
            .should()
            .notBePublic()
            .check(classes);
        classes().that()
            .haveSimpleNameEndingWith("Repository")
            .and()
            .resideInAPackage("io.launchpad.api..")
            .should()
            .notBePublic()
            .check(classes);
    }

    // --- the contract walk ---

    private static ArchCondition<JavaMethod> exposeNoMatchingType() {
        return new ArchCondition<>("answer and read only the API's own types (no matching record in a return type,"
                + " a request body or any field they reach)") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                for (String type : matchingTypesReachedBy(method)) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName() + " exposes " + type));
                }
            }
        };
    }

    /**
     * The matching types a handler's JSON is made of: its return type and request body,
     * their type arguments, and the fields of every API type among them, recursively.
     */
    static List<String> matchingTypesReachedBy(JavaMethod method) {
        List<JavaType> start = new ArrayList<>();
        start.add(method.getReturnType());
        method.getParameters()
            .stream()
            .filter(parameter -> parameter.isAnnotatedWith(RequestBody.class))
            .forEach(parameter -> start.add(parameter.getType()));
        List<String> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<JavaType> seenVariables = Collections.newSetFromMap(new IdentityHashMap<>());
        List<JavaType> work = new ArrayList<>(start);
        while (!work.isEmpty()) {
            JavaType type = work.removeLast();
            if (type instanceof JavaParameterizedType parameterized) {
                work.addAll(parameterized.getActualTypeArguments());
                work.add(type.toErasure());
            }
            else if (type instanceof JavaWildcardType wildcard) {
                work.addAll(wildcard.getUpperBounds());
                work.addAll(wildcard.getLowerBounds());
            }
            else if (type instanceof JavaTypeVariable<?> variable) {
                if (seenVariables.add(variable)) {
                    work.addAll(variable.getUpperBounds());
                }
            }
            else if (type instanceof JavaClass javaClass) {
                JavaClass base = javaClass.getBaseComponentType();
                if (!seen.add(base.getName())) {
                    continue;
                }
                if (base.getPackageName().startsWith(ModuleMap.MATCHING)) {
                    found.add(base.getName());
                }
                else if (base.getPackageName().startsWith(ModuleMap.API)) {
                    base.getFields()
                        .stream()
                        .filter(field -> !field.getModifiers().contains(JavaModifier.STATIC))
                        .forEach(field -> work.add(field.getType()));
                }
            }
        }
        return found;
    }

    /**
     * The shape the contract rule forbids: matching's record inside a view page, and as a
     * request body.
     */
    @RestController
    static final class LeakingController {

        @GetMapping("/matches")
        Mono<LeakingPage> matches() {
            return Mono.empty();
        }

        @RequestMapping("/take")
        void take(@RequestBody SupplierMatch match) {
        }

    }

    record LeakingPage(List<SupplierMatch> items, String next) {
    }

}
