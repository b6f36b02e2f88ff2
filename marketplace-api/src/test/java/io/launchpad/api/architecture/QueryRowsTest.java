package io.launchpad.api.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.launchpad.api.database.Rows;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.RowsFetchSpec;
import reactor.core.publisher.Flux;

import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static org.assertj.core.api.Assertions.assertThat;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * A query's rows are read whole ({@link Rows#whole}) or reduced to one value before
 * anything else runs on the connection: a stream left open while the next statement waits
 * deadlocks a transaction and starves the pool (see {@link Rows}).
 */
class QueryRowsTest {

    /** Flux operators that read every row before emitting anything. */
    private static final Set<String> READS_TO_THE_END = Set.of("collectList", "collectMap", "collect", "count",
            "hasElements", "then", "reduce", "last");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = ModuleMap.production();
    }

    @Test
    void everyQueryResultIsReadWholeBeforeItsRowsAreUsed() {
        methods().that()
            .areDeclaredInClassesThat()
            .resideInAPackage("io.launchpad.api..")
            .should(readQueryRowsWhole())
            .check(classes);
    }

    @Test
    void theRuleSeesAStreamedResult() {
        // the rule must be able to fail: this class streams rows straight into a per-row
        // statement
        JavaClasses streaming = new ClassFileImporter().importClasses(StreamsRows.class);
        JavaMethod method = streaming.get(StreamsRows.class).getMethod("names", DatabaseClient.class);
        assertThat(streamsRows(method)).isTrue();
    }

    private static ArchCondition<JavaMethod> readQueryRowsWhole() {
        return new ArchCondition<>("read a query's rows whole (Rows::whole) or reduce them before using them") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                if (streamsRows(method)) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName()
                            + " streams a query's rows (RowsFetchSpec.all()) without Rows::whole or a collecting operator"));
                }
            }
        };
    }

    private static boolean streamsRows(JavaCodeUnit method) {
        boolean callsAll = method.getMethodCallsFromSelf()
            .stream()
            .anyMatch(
                    call -> call.getName().equals("all") && call.getTargetOwner().isAssignableTo(RowsFetchSpec.class));
        if (!callsAll) {
            return false;
        }
        boolean whole = method.getMethodReferencesFromSelf()
            .stream()
            .anyMatch(reference -> reference.getTargetOwner().isEquivalentTo(Rows.class)
                    && reference.getName().equals("whole"))
                || method.getMethodCallsFromSelf()
                    .stream()
                    .anyMatch(
                            call -> (call.getTargetOwner().isEquivalentTo(Rows.class) && call.getName().equals("whole"))
                                    || (call.getTargetOwner().isEquivalentTo(Flux.class)
                                            && READS_TO_THE_END.contains(call.getName())));
        return !whole;
    }

    /** The shape the rule forbids. */
    static final class StreamsRows {

        Flux<Long> names(DatabaseClient db) {
            return db.sql("select name from t")
                .map(row -> row.get("name", String.class))
                .all()
                .concatMap(name -> db.sql("insert into u values (:n)").bind("n", name).fetch().rowsUpdated());
        }

    }

}
