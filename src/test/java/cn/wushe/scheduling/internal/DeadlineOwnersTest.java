package cn.wushe.scheduling.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wushe.scheduling.DeadlineDue;
import cn.wushe.scheduling.DeadlineHandler;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** A deadline kind has one owner: exact claims beat prefixes, longer prefixes beat shorter, twice claimed is refused. */
class DeadlineOwnersTest {

    @Test
    void anExactClaimBeatsAPrefixAndALongerPrefixAShorterOne() {
        Handler exact = new Handler("care.visit-due");
        Handler care = new Handler("care.*");
        Handler alerts = new Handler("care.alert.*");
        DeadlineOwners owners = owners(exact, care, alerts);

        assertThat(owners.owner("care.visit-due")).containsSame(exact);
        assertThat(owners.owner("care.other")).containsSame(care);
        assertThat(owners.owner("care.alert.escalate")).containsSame(alerts);
        assertThat(owners.owner("requests.time-limit")).isEmpty();
        assertThat(owners.owner("care")).isEmpty();
    }

    @Test
    void aKindClaimedTwiceStopsTheStart() {
        DeadlineOwners owners = owners(new Handler("requests.warning"), new Handler("requests.warning", "requests.time-limit"));

        assertThatThrownBy(owners::afterSingletonsInstantiated)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("requests.warning");
    }

    private static DeadlineOwners owners(Handler... handlers) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        for (int i = 0; i < handlers.length; i++) {
            beans.addBean("handler" + i, handlers[i]);
        }
        return new DeadlineOwners(beans.getBeanProvider(DeadlineHandler.class));
    }

    private record Handler(Set<String> kinds) implements DeadlineHandler {

        Handler(String... kinds) {
            this(Set.of(kinds));
        }

        @Override
        public void onDue(DeadlineDue due) {
        }
    }
}
