package cn.wushe.scheduling;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * {@link DeadlineDue} is delivered to the kind's {@link DeadlineHandler}, never published: an event
 * listener taking it would never run, and listening to every firing is what the handlers replaced.
 */
class DeadlineHandlersRuleTest {

    @Test
    void noEventListenerTakesDeadlineDue() {
        noMethods().that(takeDeadlineDue())
                .should().beAnnotatedWith(ApplicationModuleListener.class)
                .orShould().beAnnotatedWith(EventListener.class)
                .orShould().beAnnotatedWith(TransactionalEventListener.class)
                .because("a module reacts to its deadlines by implementing DeadlineHandler for its kinds")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("cn.wushe"));
    }

    private static DescribedPredicate<JavaMethod> takeDeadlineDue() {
        return DescribedPredicate.describe("take a DeadlineDue",
                m -> m.getRawParameterTypes().stream().anyMatch(t -> t.isEquivalentTo(DeadlineDue.class)));
    }
}
